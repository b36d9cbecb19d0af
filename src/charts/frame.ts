// The frame around a chart: title, dek, every artboard, the words and the data a reader may
// need instead of the picture (description, table, CSV), and where the figures come from, all
// in the chart's language. The page stays complete without JavaScript and without chart.css.
import { csvFormatRows } from 'd3-dsv';
import type { Aggregate } from '../contract/index.ts';
import { ratesText } from '../format/index.ts';
import { strings, type Lang } from '../i18n/index.ts';
import { escapeHtml } from './html.ts';
import { layoutsFor } from './layouts.ts';
import { renderArtboard, type Artboard } from './render.ts';
import { sourceText, type ChartSpec } from './spec.ts';
import { cellDisplay, cellNumber, cellText, type ChartTable } from './table.ts';

export interface FrameOptions {
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

/** The table, sortable by any column once the browser script runs; numeric cells carry their number. */
function tableHtml(caption: string, table: ChartTable, captionHidden: boolean): string {
  const head = table.columns.map((column) => `<th scope="col"${column.numeric ? ' class="chart__num"' : ''}>${escapeHtml(column.label)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row.map((cell, k) => {
        const number = cellNumber(cell);
        const text = escapeHtml(cellDisplay(cell));
        // The row header may be a number too (a rank first): aligned and sorted like one.
        const attributes = `${table.columns[k]?.numeric ? ' class="chart__num"' : ''}${number === undefined ? '' : ` data-value="${number}"`}`;
        return k === 0 ? `<th scope="row"${attributes}>${text}</th>` : `<td${attributes}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  // A table chart's title already stands above it; its caption is for screen readers.
  return `<table class="chart__table" data-sortable><caption${captionHidden ? ' class="visually-hidden"' : ''}>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A table in a box that scrolls sideways when it is wider than the chart: focusable and named, so a keyboard can scroll it. */
function scrollingTable(spec: ChartSpec, aggregate: Aggregate): string {
  const words = strings(spec.lang).frame;
  return (
    `<div class="chart__table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(words.tableRegion(spec.title))}">` +
    `${tableHtml(spec.title, spec.table(aggregate), spec.type === 'table')}</div>`
  );
}

/** The downloads the figures were summed from, so a reader can trace them. */
function filesHtml(aggregate: Aggregate, lang: Lang): string {
  if (aggregate.sources.length === 0) return '';
  return `<p class="chart__files">${escapeHtml(strings(lang).frame.compiledFrom)} ${aggregate.sources.map((file) => `<code>${escapeHtml(file)}</code>`).join(', ')}</p>`;
}

/**
 * The snippet in a read-only textarea an editor can select and copy; the browser script
 * src/client/embed-code.ts adds a copy button. Also used by the /embed/ index page.
 */
export function embedCodeHtml(chartId: string, snippet: string, lang: Lang): string {
  const fieldId = `embed-code-${chartId.replaceAll('/', '-')}`;
  const words = strings(lang).frame;
  // The browser script's words, in the chart's language.
  const data = Object.entries({
    copy: words.copy,
    copied: words.copied,
    selected: words.selected,
    'theme-label': words.theme.label,
    'theme-auto': words.theme.auto,
    'theme-light': words.theme.light,
    'theme-dark': words.theme.dark,
  })
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  return (
    `<div class="chart__embed-code"${data}><label for="${escapeHtml(fieldId)}">${escapeHtml(words.pasteCode)}</label>` +
    `<textarea id="${escapeHtml(fieldId)}" readonly rows="4" spellcheck="false">${escapeHtml(snippet)}</textarea></div>`
  );
}

export function renderChartFigure(spec: ChartSpec, aggregate: Aggregate, options: FrameOptions): string {
  const words = strings(spec.lang).frame;
  const id = `chart-${spec.id}`;
  const level = options.titleLevel ?? 3;
  const table = spec.type === 'table';
  // A table chart is its table; every other chart is its artboards, with the table a click away.
  const body = table
    ? scrollingTable(spec, aggregate)
    : // The browser script names each artboard it makes focusable with these words.
      `<div class="chart__artboards" data-values-label="${escapeHtml(words.valuesLabel)}">${layoutsFor(spec.width)
        .map((layout) => artboardHtml(renderArtboard(spec, aggregate, layout)))
        .join('')}</div>`;
  const data = table
    ? filesHtml(aggregate, spec.lang)
    : `<details class="chart__data"><summary>${escapeHtml(words.showTable)}</summary>${scrollingTable(spec, aggregate)}${filesHtml(aggregate, spec.lang)}</details>`;
  const badge = aggregate.synthetic ? `<p class="chart__badge">${escapeHtml(words.sampleBadge)}</p>` : '';
  const notes = spec.notes ? `<p class="chart__notes">${escapeHtml(words.note)} ${escapeHtml(spec.notes)}</p>` : '';
  const conversion = aggregate.conversion ? `<p class="chart__notes">${escapeHtml(words.convertedAt(conversionText(aggregate, spec.lang)))}</p>` : '';
  const embed =
    options.embedCode === undefined
      ? ''
      : `\n<details class="chart__embed"><summary>${escapeHtml(words.embed)}</summary>${embedCodeHtml(spec.id, options.embedCode, spec.lang)}</details>`;
  return [
    `<figure class="chart chart--${spec.width} chart--${spec.type}" id="${escapeHtml(id)}" lang="${escapeHtml(strings(spec.lang).tag)}">`,
    `<figcaption class="chart__header"><h${level} class="chart__title">${escapeHtml(spec.title)}</h${level}>`,
    `<p class="chart__dek">${escapeHtml(spec.dek)}</p>${badge}</figcaption>`,
    body,
    table ? '' : `<p class="chart__description visually-hidden">${escapeHtml(spec.describe(aggregate))}</p>`,
    `<div class="chart__footer">${notes}${conversion}`,
    `<p class="chart__source">${escapeHtml(words.source)} ${escapeHtml(sourceText(spec, aggregate))}</p>`,
    `<p class="chart__credit">${escapeHtml(spec.credit)}</p>`,
    `<p class="chart__download"><a href="${escapeHtml(options.csvHref)}" download>${escapeHtml(words.getData)}</a></p></div>`,
    `${data}${embed}`,
    '</figure>',
  ].join('\n');
}

/** The rates an aggregate's amounts were restated at, as the chart's note names them. */
export function conversionText(aggregate: Aggregate, lang: Lang): string {
  return ratesText(aggregate.conversion!, lang, strings(lang).chart.list);
}

/** The table as UTF-8 CSV with a header row: raw numbers, no thousands separators. */
export function chartCsv(spec: ChartSpec, aggregate: Aggregate): string {
  const table = spec.table(aggregate);
  const rows = [
    table.columns.map((column) => column.label),
    ...table.rows.map((row) =>
      row.map((cell) => {
        const number = cellNumber(cell);
        return typeof cell === 'object' || number === undefined ? cellText(cell) : String(number);
      }),
    ),
  ];
  if (aggregate.conversion) rows.push([strings(spec.lang).frame.convertedAt(conversionText(aggregate, spec.lang))]);
  return `${csvFormatRows(rows)}\n`;
}
