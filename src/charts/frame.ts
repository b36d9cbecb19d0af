// The frame around a chart: title, dek, every artboard, the words and the data a reader may
// need instead of the picture (description, table, CSV), and where the figures come from.
// The page stays complete without JavaScript and without chart.css.
import type { Aggregate } from '../contract/index.ts';
import { csvFormatRows } from 'd3-dsv';
import { tableNumber } from './format.ts';
import { escapeHtml } from './html.ts';
import { layoutsFor, type Placement } from './layouts.ts';
import { renderArtboard, type Artboard } from './render.ts';
import { sourceText, type ChartSpec, type ChartTable } from './spec.ts';

export interface FrameOptions {
  placement: Placement;
  /** Where the page writes chartCsv() for this chart. */
  csvHref: string;
  /** The chart's embed snippet; when given, the frame offers it behind an "Embed" control. */
  embedCode?: string;
  /** The title's heading level: 1 where the chart is the page (an embed), else one below the section it sits in. 3 when absent. */
  titleLevel?: 1 | 2 | 3 | 4 | 5 | 6;
}

function artboardHtml({ layout, width, height, svg }: Artboard): string {
  // The wrapper reserves the artboard's shape before the SVG lays out, so nothing jumps.
  return `<div class="chart__artboard chart__artboard--${layout.name}" style="aspect-ratio: ${width} / ${height}">${svg}</div>`;
}

function tableHtml(caption: string, table: ChartTable): string {
  const head = table.columns
    .map((column) => `<th scope="col"${column.numeric ? ' class="chart__num"' : ''}>${escapeHtml(column.label)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row.map((cell, k) => {
        const text = escapeHtml(typeof cell === 'number' ? tableNumber(cell) : cell);
        return k === 0 ? `<th scope="row">${text}</th>` : `<td${table.columns[k]?.numeric ? ' class="chart__num"' : ''}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table class="chart__table"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The downloads the figures were summed from, so a reader can trace them. */
function filesHtml(aggregate: Aggregate): string {
  if (aggregate.sources.length === 0) return '';
  return `<p class="chart__files">Compiled from: ${aggregate.sources.map((file) => `<code>${escapeHtml(file)}</code>`).join(', ')}</p>`;
}

/**
 * The snippet in a read-only textarea an editor can select and copy; the browser script
 * src/client/embed-code.ts adds a copy button. Also used by the /embed/ index page.
 */
export function embedCodeHtml(chartId: string, snippet: string): string {
  const fieldId = `embed-code-${chartId}`;
  return `<div class="chart__embed-code"><label for="${escapeHtml(fieldId)}">Paste this code into your page:</label>`
    + `<textarea id="${escapeHtml(fieldId)}" readonly rows="4" spellcheck="false">${escapeHtml(snippet)}</textarea></div>`;
}

export function renderChartFigure(spec: ChartSpec, aggregate: Aggregate, options: FrameOptions): string {
  const id = `chart-${spec.id}`;
  const level = options.titleLevel ?? 3;
  const artboards = layoutsFor(options.placement).map((layout) => artboardHtml(renderArtboard(spec, aggregate, layout)));
  const badge = aggregate.synthetic ? '<p class="chart__badge">Sample data</p>' : '';
  const notes = spec.notes ? `<p class="chart__notes">Note: ${escapeHtml(spec.notes)}</p>` : '';
  const embed = options.embedCode === undefined
    ? ''
    : `\n<details class="chart__embed"><summary>Embed this chart</summary>${embedCodeHtml(spec.id, options.embedCode)}</details>`;
  return [
    `<figure class="chart chart--${options.placement}" id="${escapeHtml(id)}">`,
    `<figcaption class="chart__header"><h${level} class="chart__title">${escapeHtml(spec.title)}</h${level}>`,
    `<p class="chart__dek">${escapeHtml(spec.dek)}</p>${badge}</figcaption>`,
    `<div class="chart__artboards">${artboards.join('')}</div>`,
    `<p class="chart__description visually-hidden">${escapeHtml(spec.describe(aggregate))}</p>`,
    `<div class="chart__footer">${notes}`,
    `<p class="chart__source">Source: ${escapeHtml(sourceText(spec, aggregate))}</p>`,
    `<p class="chart__credit">${escapeHtml(spec.credit)}</p>`,
    `<p class="chart__download"><a href="${escapeHtml(options.csvHref)}" download>Get the data (CSV)</a></p></div>`,
    `<details class="chart__data"><summary>Show the data as a table</summary>`,
    `<div class="chart__table-scroll">${tableHtml(spec.title, spec.table(aggregate))}</div>${filesHtml(aggregate)}</details>${embed}`,
    '</figure>',
  ].join('\n');
}

/** The table as UTF-8 CSV with a header row: raw numbers, no thousands separators. */
export function chartCsv(spec: ChartSpec, aggregate: Aggregate): string {
  const table = spec.table(aggregate);
  return `${csvFormatRows([table.columns.map((column) => column.label), ...table.rows.map((row) => row.map(String))])}\n`;
}
