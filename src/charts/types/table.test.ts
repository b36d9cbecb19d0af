import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../layouts.ts';
import { renderArtboard } from '../render.ts';
import { overlaps, testChart, textBoxes, yaml } from '../fixtures.ts';

const TABLE = yaml('type: table', 'aggregate: ranked-products', 'x: product', 'top: 4', 'columns: [rank, product, value, share]', 'title: T', 'dek: D');

/** The artboard a table chart draws for its PNG: texts by row. */
function drawn(text: string, layout = DESKTOP) {
  const { spec, aggregate } = testChart(text);
  const { svg, width, height } = renderArtboard(spec, aggregate, layout);
  const boxes = textBoxes(svg);
  const rows = [...new Set(boxes.map((box) => box.top))]
    .sort((a, b) => a - b)
    .map((top) => boxes.filter((box) => box.top === top).sort((a, b) => a.left - b.left));
  return { boxes, rows, width, height };
}

describe('type: table, drawn as an artboard', () => {
  it('draws the header and one line per row of the table', () => {
    const { rows } = drawn(TABLE);
    expect(rows.map((row) => row.map((box) => box.text))).toEqual([
      ['Rank', 'Product', 'Imports (yuan)', 'Share'],
      ['1', 'Wigs and false eyelashes', '1,080,412,000', '61%'],
      ['2', 'Ferrosilicon', '181,530,000', '10.3%'],
      ['3', 'Tungsten ore', '151,920,000', '8.6%'],
      ['4', 'Molybdenum ore', '98,400,000', '5.6%'],
    ]);
    expect(rows[0]!.every((box) => box.classes.includes('chart__table-head'))).toBe(true);
    expect(rows[1]!.every((box) => box.classes.includes('chart__label'))).toBe(true);
  });

  it('aligns numbers right and text left, column by column', () => {
    const { rows } = drawn(TABLE);
    const body = rows.slice(1);
    for (const column of [0, 2, 3]) expect(new Set(body.map((row) => Math.round(row[column]!.right))).size, `column ${column}`).toBe(1);
    expect(new Set(body.map((row) => Math.round(row[1]!.left))).size).toBe(1);
  });

  it('fits the artboard, cutting text rather than numbers', () => {
    const { boxes, rows, width, height } = drawn(TABLE, PHONE);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(-0.5);
      expect(box.right).toBeLessThanOrEqual(width + 0.5);
      expect(box.bottom).toBeLessThanOrEqual(height + 0.5);
    }
    for (const row of rows) for (let k = 1; k < row.length; k++) expect(overlaps(row[k - 1]!, row[k]!)).toBe(false);
    expect(rows[1]!.map((box) => box.text)).toEqual(['1', expect.stringMatching(/^Wigs and.*…$/), '1,080,412,000', '61%']);
    expect(rows[0]!.map((box) => box.text)).toEqual(['Rank', 'Product', 'Imports (yuan)', 'Share']);
  });

  it('rules a line under the header and between rows', () => {
    const { spec, aggregate } = testChart(TABLE);
    const { svg } = renderArtboard(spec, aggregate, DESKTOP);
    expect(svg.match(/<line /g)).toHaveLength(4);
  });
});
