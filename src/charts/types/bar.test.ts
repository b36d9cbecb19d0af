import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../layouts.ts';
import { renderArtboard } from '../render.ts';
import { svgDocument, testChart, textBoxes, yaml } from '../fixtures.ts';

/** The drawn bars (in reading order) and texts of a bar chart at one artboard. */
function drawn(text: string, layout = DESKTOP) {
  const { spec, aggregate } = testChart(text);
  const { svg, width, height } = renderArtboard(spec, aggregate, layout);
  const bars = [...svgDocument(svg).querySelectorAll('rect[data-value]')].map((rect) => {
    const n = (name: string) => Number(rect.getAttribute(name));
    return {
      label: rect.getAttribute('data-label')!,
      className: rect.getAttribute('class')!,
      x1: n('x'),
      x2: n('x') + n('width'),
      y1: n('y'),
      y2: n('y') + n('height'),
    };
  });
  return { bars, texts: textBoxes(svg), width, height };
}

const ranked = (...keys: string[]) => yaml('type: bar', 'aggregate: ranked-products', 'x: product', 'top: 4', 'title: T', 'dek: D', ...keys);
const byYear = (...keys: string[]) => yaml('type: bar', 'aggregate: products-by-year', 'x: product', 'colour: year', 'top: 3', 'title: T', 'dek: D', ...keys);
const classed = (texts: ReturnType<typeof drawn>['texts'], name: string) => texts.filter((box) => box.classes.includes(name));

describe('type: bar', () => {
  it('draws a horizontal bar per category from one baseline, as long as its value', () => {
    const { bars } = drawn(ranked());
    expect(bars.map((bar) => bar.label)).toEqual(['Wigs and false eyelashes', 'Ferrosilicon', 'Tungsten ore', 'Molybdenum ore']);
    expect(new Set(bars.map((bar) => bar.x1)).size).toBe(1);
    const lengths = bars.map((bar) => bar.x2 - bar.x1);
    expect(lengths[1]! / lengths[0]!).toBeCloseTo(181_530_000 / 1_080_412_000, 2);
    for (let k = 1; k < bars.length; k++) expect(bars[k]!.y1).toBeGreaterThan(bars[k - 1]!.y2);
  });

  it("writes each value at its bar's end, the unit on the first only", () => {
    const { bars, texts, width } = drawn(ranked());
    const values = classed(texts, 'chart__value');
    expect(values.map((box) => box.text)).toEqual(['1.1B yuan', '181.5M', '151.9M', '98.4M']);
    values.forEach((box, k) => {
      expect(box.left).toBeGreaterThanOrEqual(bars[k]!.x2);
      expect(box.right).toBeLessThanOrEqual(width);
    });
  });

  it('groups one bar per series under each category, each named inside the group', () => {
    const { bars, texts } = drawn(byYear());
    expect(bars).toHaveLength(12);
    expect(bars.slice(0, 4).map((bar) => bar.label)).toEqual(['Ferrosilicon, 2019', 'Ferrosilicon, 2021', 'Ferrosilicon, 2022', 'Ferrosilicon, 2023']);
    expect(bars.slice(0, 4).map((bar) => bar.className)).toEqual(['chart__series-1', 'chart__series-2', 'chart__series-3', 'chart__series-4']);
    for (let k = 1; k < 4; k++) expect(bars[k]!.y1).toBeGreaterThan(bars[k - 1]!.y2 - 0.01);
    expect(
      classed(texts, 'chart__tick')
        .map((box) => box.text)
        .slice(0, 4),
    ).toEqual(['2019', '2021', '2022', '2023']);
  });

  it('stacks the series end to end with stack: true, one total per category', () => {
    const { bars, texts } = drawn(byYear('stack: true'));
    const first = bars.slice(0, 4);
    expect(new Set(first.map((bar) => bar.y1)).size).toBe(1);
    for (let k = 1; k < 4; k++) expect(first[k]!.x1).toBeCloseTo(first[k - 1]!.x2, 1);
    expect(classed(texts, 'chart__tick')).toEqual([]);
    expect(classed(texts, 'chart__value').map((box) => box.text)).toEqual(['421.1M yuan', '352.5M', '228.3M']);
  });

  it('leaves zero bars out with hide_zero, and draws them otherwise', () => {
    const text = yaml('type: bar', 'aggregate: products-by-year', 'x: product', 'colour: year', 'sort: label', 'title: T', 'dek: D');
    const silicon = (bars: { label: string }[]) => bars.filter((bar) => bar.label.startsWith('Silicon carbide')).map((bar) => bar.label);
    expect(silicon(drawn(text).bars)).toHaveLength(4);
    expect(silicon(drawn(`${text}\nhide_zero: true`).bars)).toEqual(['Silicon carbide, 2019', 'Silicon carbide, 2022', 'Silicon carbide, 2023']);
  });

  it('puts category names beside the bars on desktop, and on their own line above them on phones', () => {
    const desktop = drawn(ranked());
    const beside = classed(desktop.texts, 'chart__label');
    beside.forEach((box, k) => {
      expect(box.right).toBeLessThanOrEqual(desktop.bars[k]!.x1);
      expect(box.top).toBeLessThan(desktop.bars[k]!.y2);
      expect(box.bottom).toBeGreaterThan(desktop.bars[k]!.y1);
    });
    const phone = drawn(ranked(), PHONE);
    classed(phone.texts, 'chart__label').forEach((box, k) => {
      expect(box.left).toBeCloseTo(0, 0);
      expect(box.bottom).toBeLessThanOrEqual(phone.bars[k]!.y1 + 1);
    });
    expect(phone.bars[0]!.x1).toBeLessThan(desktop.bars[0]!.x1);
  });

  it('colours highlighted bars and marks their names in words', () => {
    const { bars, texts } = drawn(ranked('highlight: { product_group: minerals }', 'highlight_label: mineral'));
    expect(bars.map((bar) => bar.className)).toEqual(['chart__bar', 'chart__bar--highlight', 'chart__bar--highlight', 'chart__bar--highlight']);
    expect(classed(texts, 'chart__label--highlight').map((box) => box.text)).toEqual([
      'Ferrosilicon (mineral)',
      'Tungsten ore (mineral)',
      'Molybdenum ore (mineral)',
    ]);
  });

  it('keeps every text inside the artboard at both widths', () => {
    for (const layout of [PHONE, DESKTOP]) {
      const { texts, width, height } = drawn(byYear('highlight: "2023"'), layout);
      for (const box of texts) {
        expect(box.left, box.text).toBeGreaterThanOrEqual(-0.5);
        expect(box.right, box.text).toBeLessThanOrEqual(width + 0.5);
        expect(box.bottom, box.text).toBeLessThanOrEqual(height + 0.5);
      }
    }
  });
});
