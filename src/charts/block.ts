// A chart written as YAML in a story's Markdown (a ```chart fenced block) becomes a
// ChartSpec like the TypeScript ones, so it goes through the same frame and SSR. Every
// mistake is reported at its line within the block, with the names that would work.
import type { Aggregate, AggregatesFile } from '../contract/index.ts';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { didYouMean, listNames } from '../markdown/suggest.ts';
import { blockPlot, CHART_TYPES, type ChartType } from './block-plot.ts';
import {
  fieldTitle, fieldValues, matchesHighlight, measureFormat, measureTitle, readBlockData, TIME_FIELDS,
  type BlockData, type BlockFields,
} from './block-series.ts';
import { listText } from './format.ts';
import type { Placement } from './layouts.ts';
import type { ChartSpec, ChartTable } from './spec.ts';

/** The fenced block's language: ```chart. */
export const CHART_BLOCK_LANG = 'chart';

/** The credit line when a block names none, as on the site's other charts. */
export const DEFAULT_CREDIT = 'Chart: Data desk';

const KEYS = ['type', 'aggregate', 'x', 'y', 'colour', 'highlight', 'top', 'title', 'dek', 'notes', 'source', 'credit', 'id', 'width'] as const;
type Key = (typeof KEYS)[number];
const REQUIRED: readonly Key[] = ['type', 'aggregate', 'x', 'title', 'dek'];
const WIDTHS: readonly Placement[] = ['text', 'wide'];
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** A mistake in a block; `line` counts from 1 at the block's first YAML line. */
export class ChartBlockError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = 'ChartBlockError';
    this.line = line;
  }
}

export interface ChartBlock {
  spec: ChartSpec;
  aggregate: Aggregate;
  width: Placement;
  /** Whether the block named its id; otherwise it was made from the title. */
  explicitId: boolean;
}

/** "Silicon carbide, 2023" → "silicon-carbide-2023". */
function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

/** The block's YAML as key → value and key → line, refusing anything but a flat mapping. */
function readYaml(text: string): { values: Map<Key, unknown>; lines: Map<Key, number> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const [error] = doc.errors;
  if (error) throw new ChartBlockError(lineAt(error.pos[0]), `the chart block is not valid YAML: ${error.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) {
    throw new ChartBlockError(1, `a chart block is a list of "key: value" lines, starting with ${listNames(REQUIRED, { conjunction: 'and' })}`);
  }
  const values = new Map<Key, unknown>();
  const lines = new Map<Key, number>();
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    const line = lineAt(keyNode?.range?.[0]);
    if (!(KEYS as readonly string[]).includes(name)) {
      throw new ChartBlockError(line, `unknown key "${name}" in the chart block.${didYouMean(name, KEYS)} Keys: ${listNames(KEYS, { conjunction: 'and' })}.`);
    }
    const value = pair.value as YamlNode | null;
    values.set(name as Key, isSeq(value) || isScalar(value) ? value.toJSON() : value);
    lines.set(name as Key, line);
  }
  return { values, lines };
}

/** Reads, checks and resolves a chart block against the data step's aggregates. */
export function parseChartBlock(text: string, aggregates: AggregatesFile): ChartBlock {
  const { values, lines } = readYaml(text);
  const fail = (key: Key, message: string): never => {
    throw new ChartBlockError(lines.get(key) ?? 1, message);
  };
  for (const key of REQUIRED) {
    if (!values.has(key)) throw new ChartBlockError(1, `the chart block needs "${key}:"; it has ${listNames([...values.keys()], { conjunction: 'and' }) || 'no keys'}`);
  }
  const scalar = (key: Key): string | undefined => {
    const value = values.get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object') fail(key, `${key} must be a single value, not a list or a mapping`);
    const string = String(value).trim();
    if (string === '') fail(key, `${key} is empty`);
    return string;
  };

  const type = scalar('type')!;
  if (!(CHART_TYPES as readonly string[]).includes(type)) {
    fail('type', `unknown chart type "${type}".${didYouMean(type, CHART_TYPES)} Types: ${listNames(CHART_TYPES, { conjunction: 'and' })}.`);
  }
  const aggregateId = scalar('aggregate')!;
  const aggregate = Object.hasOwn(aggregates, aggregateId) ? aggregates[aggregateId] : undefined;
  if (!aggregate) {
    const hint = didYouMean(aggregateId, Object.keys(aggregates)) || ` Aggregates: ${listNames(Object.keys(aggregates).sort(), { conjunction: 'and' })}.`;
    return fail('aggregate', `unknown aggregate "${aggregateId}": it is not in aggregates.json (declare it in data/aggregates.yaml and run \`npm run data\`).${hint}`);
  }
  const field = (key: 'x' | 'colour', name: string): string => {
    if (!aggregate.dimensions.includes(name)) {
      const hint = didYouMean(name, aggregate.dimensions) || ` Its fields: ${listNames(aggregate.dimensions, { conjunction: 'and' })}.`;
      fail(key, `aggregate ${aggregate.id} has no field "${name}" for ${key}.${hint}`);
    }
    return name;
  };
  const x = field('x', scalar('x')!);
  if ((type === 'line' || type === 'area') && !TIME_FIELDS.includes(x)) {
    fail('x', `a ${type} chart runs over time: x must be ${listNames(TIME_FIELDS)}, not "${x}"; use a bar or dot chart for "${x}"`);
  }
  const y = scalar('y') ?? 'value';
  if (!aggregate.measures.includes(y)) {
    fail('y', `aggregate ${aggregate.id} has no measure "${y}" for y.${didYouMean(y, aggregate.measures)} Measures: ${listNames(aggregate.measures, { conjunction: 'and' })}.`);
  }
  const colourName = scalar('colour');
  const colour = colourName === undefined ? undefined : field('colour', colourName);
  if (colour === x) fail('colour', `colour and x both name "${x}"; colour splits each x into one mark per value of another field`);

  const topText = scalar('top');
  const top = topText === undefined ? undefined : Number(topText);
  if (top !== undefined && !(Number.isInteger(top) && top > 0)) fail('top', `top must be a whole number above zero, not "${topText}"`);
  if (top !== undefined && TIME_FIELDS.includes(x)) fail('top', `top keeps the first categories of a bar or dot chart; it does not apply over time (x: ${x})`);

  const rawHighlight = values.get('highlight');
  const highlight = rawHighlight === undefined || rawHighlight === null ? [] : (Array.isArray(rawHighlight) ? rawHighlight : [rawHighlight]).map(String);
  const candidates = [...fieldValues(aggregate, x), ...(colour ? fieldValues(aggregate, colour) : [])];
  for (const wanted of highlight) {
    if (!candidates.some(({ key, label }) => matchesHighlight([wanted], key, label))) {
      const names = candidates.map((c) => c.key);
      fail('highlight', `highlight "${wanted}" is not a value of ${listNames(colour ? [x, colour] : [x], { conjunction: 'or' })} in aggregate ${aggregate.id}.${didYouMean(wanted, names) || ` Values: ${listNames(names.slice(0, 12), { conjunction: 'and' })}${names.length > 12 ? '…' : ''}.`}`);
    }
  }

  const widthText = scalar('width') ?? 'text';
  if (!(WIDTHS as readonly string[]).includes(widthText)) fail('width', `width must be "text" or "wide", not "${widthText}"`);
  const title = scalar('title')!;
  const idText = scalar('id');
  if (idText !== undefined && !ID.test(idText)) fail('id', `id "${idText}" must be lower-case letters, digits and dashes`);
  const id = idText ?? (slug(title) || `${aggregate.id}-${type}`);

  const fields: BlockFields = { x, y, colour, top, highlight };
  const spec = blockSpec({
    id, type: type as ChartType, aggregateId, fields, title,
    dek: scalar('dek')!, notes: scalar('notes'), source: scalar('source'), credit: scalar('credit') ?? DEFAULT_CREDIT,
  });
  return { spec, aggregate, width: widthText as Placement, explicitId: idText !== undefined };
}

interface BlockOptions {
  id: string;
  type: ChartType;
  aggregateId: string;
  fields: BlockFields;
  title: string;
  dek: string;
  notes: string | undefined;
  source: string | undefined;
  credit: string;
}

const TYPE_NAMES: Record<ChartType, string> = { bar: 'Bar chart', line: 'Line chart', area: 'Stacked area chart', dot: 'Dot chart' };

/** The chart in words: every value for categories; first, last and peak over time. */
function describe(data: BlockData, aggregate: Aggregate, fields: BlockFields): string {
  const format = measureFormat(aggregate, fields.y);
  if (data.categories.length === 0) return 'There is nothing to show.';
  const single = data.series.length === 1;
  if (data.time) {
    const at = (series: BlockData['series'][number], k: number) => `${format.full(series.values[k]!)} in ${data.categories[k]!.label}`;
    return data.series.map((series) => {
      const last = series.values.length - 1;
      const peak = series.values.reduce((best, value, k) => (value > series.values[best]! ? k : best), 0);
      const parts = [last > 0 ? `from ${at(series, 0)} to ${at(series, last)}` : at(series, last)];
      if (peak !== 0 && peak !== last) parts.push(`highest in ${data.categories[peak]!.label} at ${format.full(series.values[peak]!)}`);
      const text = parts.join('; ');
      return single ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : `${series.label}: ${text}.`;
    }).join(' ');
  }
  const rows = data.categories.map((category, k) => single
    ? `${category.label}, ${format.full(data.series[0]!.values[k]!)}`
    : `${category.label}: ${listText(data.series.map((series) => `${format.full(series.values[k]!)} (${series.label})`))}`);
  return `${rows.join('; ')}.`;
}

function table(data: BlockData, aggregate: Aggregate, fields: BlockFields): ChartTable {
  const format = measureFormat(aggregate, fields.y);
  const single = data.series.length === 1;
  return {
    columns: [
      { label: fieldTitle(fields.x) },
      ...data.series.map((series) => ({ label: single ? measureTitle(aggregate, fields.y) : `${series.label} (${format.unit})`, numeric: true })),
    ],
    rows: data.categories.map((category, k) => [category.label, ...data.series.map((series) => series.values[k]!)]),
  };
}

function blockSpec(options: BlockOptions): ChartSpec {
  const { fields } = options;
  const read = (aggregate: Aggregate) => readBlockData(aggregate, fields);
  return {
    id: options.id,
    aggregate: options.aggregateId,
    title: options.title,
    dek: options.dek,
    ...(options.notes ? { notes: options.notes } : {}),
    ...(options.source ? { source: options.source } : {}),
    credit: options.credit,
    altText: (aggregate) => `${TYPE_NAMES[options.type]}: ${aggregate.description}.`,
    describe: (aggregate) => describe(read(aggregate), aggregate, fields),
    table: (aggregate) => table(read(aggregate), aggregate, fields),
    plot: (aggregate, layout) => blockPlot({
      type: options.type,
      data: read(aggregate),
      x: fields.x,
      format: measureFormat(aggregate, fields.y),
      axisLabel: measureTitle(aggregate, fields.y),
      currency: aggregate.currency,
    }, layout),
  };
}
