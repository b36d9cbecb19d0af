// type: table — on the page the chart is its sortable HTML table (see frame.ts); this draws
// the same rows as an artboard, for the PNG that stands in for the chart where HTML cannot.
import * as Plot from '@observablehq/plot';
import { cellDisplay, type ChartTable } from '../table.ts';
import { fitText, textWidth } from '../layouts.ts';
import type { Layout } from '../spec.ts';

interface Cell {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
  head: boolean;
}

export function drawTable(table: ChartTable, layout: Layout): Plot.PlotOptions {
  const fs = layout.fontSize;
  const rowHeight = Math.round(fs * 1.8);
  const widths = table.columns.map(
    (column, c) => Math.max(textWidth(column.label, fs), ...table.rows.map((row) => textWidth(cellDisplay(row[c] ?? ''), fs))) + fs,
  );
  // Text columns give way, widest first, down to four characters: numbers need their full width.
  let excess = widths.reduce((sum, width) => sum + width, 0) - layout.width;
  const texts = widths
    .map((_, c) => c)
    .filter((c) => !table.columns[c]?.numeric)
    .sort((a, b) => widths[b]! - widths[a]!);
  for (const c of texts) {
    const give = Math.max(0, Math.min(excess, widths[c]! - fs * 4));
    widths[c] = widths[c]! - give;
    excess -= give;
  }
  const scale = Math.min(1, layout.width / widths.reduce((sum, width) => sum + width, 0));
  const columnWidths = widths.map((width) => width * scale);
  const lefts = columnWidths.map((_, c) => columnWidths.slice(0, c).reduce((sum, width) => sum + width, 0));
  const cells: Cell[] = [];
  const place = (texts: string[], y: number, head: boolean) =>
    texts.forEach((text, c) => {
      const numeric = table.columns[c]?.numeric ?? false;
      cells.push({
        text: fitText(text, columnWidths[c]! - fs * 0.5, fs),
        x: numeric ? lefts[c]! + columnWidths[c]! - fs * 0.25 : lefts[c]!,
        y,
        anchor: numeric ? 'end' : 'start',
        head,
      });
    });
  place(
    table.columns.map((column) => column.label),
    rowHeight * 0.5,
    true,
  );
  table.rows.forEach((row, r) => place(row.map(cellDisplay), rowHeight * (r + 1.5), false));
  const rules = table.rows.map((_, r) => ({ y: rowHeight * (r + 1) }));
  return {
    height: rowHeight * (table.rows.length + 1),
    margin: 0,
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.ruleY(rules, { y: 'y', stroke: 'currentColor', className: 'chart__grid' }),
      ...(['start', 'end'] as const).flatMap((anchor) =>
        [true, false].map((head) =>
          Plot.text(
            cells.filter((cell) => cell.anchor === anchor && cell.head === head),
            {
              x: 'x',
              y: 'y',
              text: 'text',
              textAnchor: anchor,
              lineAnchor: 'middle',
              fill: 'currentColor',
              className: head ? 'chart__table-head' : 'chart__label',
            },
          ),
        ),
      ),
    ],
  };
}
