// A chart as a reporter writes it: YAML, either a ```chart block in a story or a file
// content/charts/<id>.yaml, in one schema. This module reads and checks the YAML on its own
// (keys, types, shapes); resolve.ts checks it against the data. Every mistake is reported at
// its line, with the names that would work.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Lang } from '../i18n/index.ts';
import { LANGUAGES } from '../i18n/index.ts';
import { didYouMean, listNames } from '../markdown/suggest.ts';

export const CHART_TYPES = ['bar', 'column', 'line', 'area', 'dot', 'table'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Where a chart sits in the page: in the text column, or wider than it. */
export const PLACEMENTS = ['text', 'wide'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const FORMATS = ['short', 'full', 'percent'] as const;
export type ValueFormatName = (typeof FORMATS)[number];

/** Text in one language, or in several: `{ en: …, ko: … }`. */
export type Localized = Partial<Record<Lang, string>>;

/** Which categories or series stand out: by key or label, or by an attribute of the rows. */
export type Highlight = { values: string[] } | { attribute: string; value: string };

export type Sort = { by: 'value' } | { by: 'label' } | { by: 'data' } | { by: 'series'; series: string } | { by: 'order'; order: string[] };

/** A point or value on an axis as written: a month "2020-01", a year, a category, a number. */
export type AxisValue = string | number;

export type Annotation =
  | { kind: 'note'; text: Localized; x?: AxisValue; y?: number; line: number }
  | { kind: 'range'; text: Localized; from: AxisValue; to: AxisValue; line: number }
  | { kind: 'line'; text: Localized; x?: AxisValue; y?: number; line: number };

/** One column of the table under a chart and of its CSV file. */
export interface ColumnRule {
  field: string;
  heading?: Localized;
}

export interface ChartDefinition {
  id: string;
  /** Whether the id was written, rather than made from the title. */
  explicitId: boolean;
  type: ChartType;
  aggregate: string;
  x: string;
  y: string;
  colour?: string;
  stack: boolean;
  highlight?: Highlight;
  /** The word highlighted labels carry: "Copper ore (metal)". */
  highlightLabel?: Localized;
  /** What the highlight colour means, for the colour key. */
  legend?: Localized;
  sort?: Sort;
  top?: number;
  hideZero: boolean;
  annotations: Annotation[];
  format: ValueFormatName;
  columns?: ColumnRule[];
  title: Localized;
  dek: Localized;
  notes?: Localized;
  source?: Localized;
  credit?: Localized;
  width: Placement;
  /** Line of each key in the YAML (1 = its first line), for messages about the data. */
  lines: ReadonlyMap<string, number>;
}

/** A mistake in a definition; `line` counts from 1 at the definition's first YAML line. */
export class ChartDefinitionError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = 'ChartDefinitionError';
    this.line = line;
  }
}

const KEYS = [
  'id',
  'type',
  'aggregate',
  'x',
  'y',
  'colour',
  'stack',
  'highlight',
  'highlight_label',
  'legend',
  'sort',
  'top',
  'hide_zero',
  'annotations',
  'format',
  'columns',
  'title',
  'dek',
  'notes',
  'source',
  'credit',
  'width',
  'lang',
] as const;
type Key = (typeof KEYS)[number];
const REQUIRED: readonly Key[] = ['type', 'aggregate', 'x', 'title', 'dek'];
const ANNOTATION_KINDS = ['note', 'range', 'line'] as const;
const ANNOTATION_KEYS = [...ANNOTATION_KINDS, 'x', 'y', 'from', 'to'] as const;
const ID = /^[a-z0-9][a-z0-9-]*$/;
const LANG_CODES = Object.keys(LANGUAGES) as Lang[];

export interface DefinitionOptions {
  /** The language plain text is written in: the story's, or the file's `lang:` (default English). */
  lang: Lang;
  /** The id a chart file takes from its name; a block makes one from its title. */
  id?: string;
}

/** "Silicon carbide, 2023" → "silicon-carbide-2023"; accents go ("Côte" → "cote"), not split the word. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

interface Entry {
  node: YamlNode | null;
  line: number;
}

/** Reads a chart definition's YAML and checks everything that does not need the data. */
export function parseChartDefinition(text: string, options: DefinitionOptions): ChartDefinition {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineAt = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const [error] = doc.errors;
  if (error) {
    const { line } = lineCounter.linePos(error.pos[0]);
    // The parser's own "at line …" counts within the YAML, not the story: the error carries the line instead.
    const reason =
      error.code === 'DUPLICATE_KEY'
        ? `"${(text.split(/\r?\n/)[line - 1] ?? '')
            .split(':')[0]!
            .replace(/^[\s-]+/, '')
            .trim()}" is given twice`
        : error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ChartDefinitionError(line, `the chart is not valid YAML: ${reason}`);
  }
  if (!isMap(doc.contents)) {
    throw new ChartDefinitionError(1, `a chart is a list of "key: value" lines, starting with ${listNames(REQUIRED, { conjunction: 'and' })}`);
  }
  const entries = new Map<Key, Entry>();
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!(KEYS as readonly string[]).includes(name)) {
      throw new ChartDefinitionError(
        lineAt(keyNode),
        `unknown key "${name}" in the chart.${didYouMean(name, KEYS)} Keys: ${listNames(KEYS, { conjunction: 'and' })}.`,
      );
    }
    entries.set(name as Key, { node: pair.value as YamlNode | null, line: lineAt(keyNode) });
  }
  for (const key of REQUIRED) {
    if (!entries.has(key))
      throw new ChartDefinitionError(1, `the chart needs "${key}:"; it has ${listNames([...entries.keys()], { conjunction: 'and' }) || 'no keys'}`);
  }
  const read = new Reader(entries, lineAt);

  const lang = read.choice('lang', LANG_CODES) ?? options.lang;
  const type = read.choice('type', CHART_TYPES)!;
  const title = read.text('title', lang)!;
  const idText = read.scalar('id');
  if (idText !== undefined && !ID.test(idText)) read.fail('id', `id "${idText}" must be lower-case letters, digits and dashes`);
  if (idText !== undefined && options.id !== undefined && idText !== options.id) {
    read.fail('id', `id "${idText}" differs from the file's name "${options.id}"; a chart file takes its id from its name, so leave "id:" out`);
  }
  const madeId = slug(title.en ?? Object.values(title)[0] ?? '');
  const id = idText ?? options.id ?? madeId;
  if (!id) read.fail('title', 'the chart needs an "id:": its title has no Latin letters or digits to make one from (ids are lower-case a–z, 0–9 and dashes)');

  const definition: ChartDefinition = {
    id,
    explicitId: idText !== undefined || options.id !== undefined,
    type,
    aggregate: read.scalar('aggregate')!,
    x: read.scalar('x')!,
    y: read.scalar('y') ?? 'value',
    stack: read.boolean('stack') ?? false,
    hideZero: read.boolean('hide_zero') ?? false,
    annotations: read.annotations(lang),
    format: read.choice('format', FORMATS) ?? 'short',
    title,
    dek: read.text('dek', lang)!,
    width: read.choice('width', PLACEMENTS) ?? 'text',
    lines: new Map([...entries].map(([key, entry]) => [key, entry.line])),
  };
  const optional = {
    colour: read.scalar('colour'),
    highlight: read.highlight(),
    highlightLabel: read.text('highlight_label', lang),
    legend: read.text('legend', lang),
    sort: read.sort(),
    top: read.count('top'),
    columns: read.columns(lang),
    notes: read.text('notes', lang),
    source: read.text('source', lang),
    credit: read.text('credit', lang),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(definition, { [key]: value });

  if (definition.colour !== undefined && definition.colour === definition.x) {
    read.fail('colour', `colour and x both name "${definition.x}"; colour splits each x into one mark per value of another field`);
  }
  if (definition.stack && definition.colour === undefined) read.fail('stack', 'stack: true stacks the series that "colour:" splits into; name a colour field');
  if (definition.stack && (type === 'line' || type === 'dot' || type === 'table'))
    read.fail('stack', `a ${type} chart cannot be stacked; use bar, column or area`);
  if ((definition.highlightLabel || definition.legend) && !definition.highlight) {
    read.fail(definition.highlightLabel ? 'highlight_label' : 'legend', 'this says what the highlight means, but the chart has no "highlight:"');
  }
  return definition;
}

/** Typed access to the entries, failing at the entry's line. */
class Reader {
  private readonly entries: ReadonlyMap<Key, Entry>;
  private readonly lineAt: (node: YamlNode | null | undefined) => number;

  constructor(entries: ReadonlyMap<Key, Entry>, lineAt: (node: YamlNode | null | undefined) => number) {
    this.entries = entries;
    this.lineAt = lineAt;
  }

  fail(key: Key, message: string, node?: YamlNode | null): never {
    throw new ChartDefinitionError(node ? this.lineAt(node) : (this.entries.get(key)?.line ?? 1), message);
  }

  private node(key: Key): YamlNode | null | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.node === null || (isScalar(entry.node) && entry.node.value === null)) return undefined;
    return entry.node;
  }

  scalar(key: Key): string | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    if (!isScalar(node)) this.fail(key, `${key} must be a single value, not a list or a mapping`);
    const text = String(node.value).trim();
    if (text === '') this.fail(key, `${key} is empty`);
    return text;
  }

  choice<T extends string>(key: Key, choices: readonly T[]): T | undefined {
    const text = this.scalar(key);
    if (text === undefined) return undefined;
    if (!(choices as readonly string[]).includes(text)) {
      this.fail(key, `${key} "${text}" is not one of ${listNames(choices, { conjunction: 'or' })}.${didYouMean(text, choices)}`);
    }
    return text as T;
  }

  boolean(key: Key): boolean | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'boolean') this.fail(key, `${key} must be true or false`);
    return node.value as boolean;
  }

  count(key: Key): number | undefined {
    const text = this.scalar(key);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!(Number.isInteger(value) && value > 0)) this.fail(key, `${key} must be a whole number above zero, not "${text}"`);
    return value;
  }

  /** Plain text (in `lang`) or a mapping by language code. */
  text(key: Key, lang: Lang): Localized | undefined {
    return this.localized(key, this.node(key), lang);
  }

  localized(key: Key, node: YamlNode | null | undefined, lang: Lang): Localized | undefined {
    if (node === undefined || node === null) return undefined;
    if (isScalar(node)) {
      const text = String(node.value ?? '').trim();
      if (text === '') this.fail(key, `${key} is empty`, node);
      return { [lang]: text };
    }
    if (!isMap(node)) this.fail(key, `${key} must be text, or text per language such as { en: …, ko: … }`, node);
    const text: Localized = {};
    for (const pair of node.items) {
      const code = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(LANG_CODES as string[]).includes(code)) {
        this.fail(key, `"${code}" in ${key} is not a story language; languages: ${listNames(LANG_CODES, { conjunction: 'and' })}`, pair.key as YamlNode);
      }
      const value = pair.value as YamlNode | null;
      if (!isScalar(value) || String(value.value ?? '').trim() === '') this.fail(key, `${key}.${code} must be text`, (value ?? pair.key) as YamlNode);
      text[code as Lang] = String(value.value).trim();
    }
    return text;
  }

  highlight(): Highlight | undefined {
    const node = this.node('highlight');
    if (node === undefined) return undefined;
    if (isScalar(node)) return { values: [String(node.value)] };
    if (isSeq(node)) {
      const values = node.items.map((item) =>
        isScalar(item) ? String(item.value) : this.fail('highlight', 'highlight lists values, one per item', item as YamlNode),
      );
      if (values.length === 0) this.fail('highlight', 'highlight lists no values');
      return { values };
    }
    if (isMap(node) && node.items.length === 1) {
      const [pair] = node.items;
      if (isScalar(pair!.key) && isScalar(pair!.value)) return { attribute: String(pair!.key.value), value: String(pair!.value.value) };
    }
    return this.fail('highlight', 'highlight is a value, a list of values, or one attribute match such as { product_group: minerals }');
  }

  sort(): Sort | undefined {
    const node = this.node('sort');
    if (node === undefined) return undefined;
    if (isScalar(node)) {
      const text = String(node.value);
      if (text === 'value' || text === 'label' || text === 'data') return { by: text };
      return this.fail('sort', `sort "${text}" is not value, label or data; sort by one series with { series: … }, or give the order as a list`);
    }
    if (isSeq(node)) {
      const order = node.items.map((item) =>
        isScalar(item) ? String(item.value) : this.fail('sort', 'a sort order lists values, one per item', item as YamlNode),
      );
      return { by: 'order', order };
    }
    if (
      isMap(node) &&
      node.items.length === 1 &&
      isScalar(node.items[0]!.key) &&
      String(node.items[0]!.key.value) === 'series' &&
      isScalar(node.items[0]!.value)
    ) {
      return { by: 'series', series: String(node.items[0]!.value.value) };
    }
    return this.fail('sort', 'sort is value, label or data, { series: <a series> }, or a list giving the order');
  }

  columns(lang: Lang): ColumnRule[] | undefined {
    const node = this.node('columns');
    if (node === undefined) return undefined;
    if (!isSeq(node) || node.items.length === 0) this.fail('columns', 'columns lists the fields the table and CSV show, in order');
    return node.items.map((item) => {
      if (isScalar(item)) return { field: String(item.value) };
      if (isMap(item) && item.items.length === 1 && isScalar(item.items[0]!.key)) {
        const heading = this.localized('columns', item.items[0]!.value as YamlNode, lang);
        return { field: String(item.items[0]!.key.value), ...(heading ? { heading } : {}) };
      }
      return this.fail('columns', 'each column is a field name, or { field: heading }', item as YamlNode);
    });
  }

  annotations(lang: Lang): Annotation[] {
    const node = this.node('annotations');
    if (node === undefined) return [];
    if (!isSeq(node)) this.fail('annotations', 'annotations is a list; each item starts with "- note:", "- range:" or "- line:"');
    return node.items.map((item) => this.annotation(item as YamlNode, lang));
  }

  private annotation(item: YamlNode, lang: Lang): Annotation {
    const line = this.lineAt(item);
    const fail = (message: string): never => {
      throw new ChartDefinitionError(line, message);
    };
    if (!isMap(item)) return fail('an annotation is "- note: text" with x and/or y, "- range: text" with from and to, or "- line: text" with x or y');
    const fields = new Map<string, YamlNode>();
    for (const pair of item.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(ANNOTATION_KEYS as readonly string[]).includes(name)) {
        fail(`unknown key "${name}" in an annotation.${didYouMean(name, ANNOTATION_KEYS)} Keys: ${listNames(ANNOTATION_KEYS, { conjunction: 'and' })}.`);
      }
      fields.set(name, pair.value as YamlNode);
    }
    const kinds = ANNOTATION_KINDS.filter((kind) => fields.has(kind));
    if (kinds.length !== 1) fail('an annotation has exactly one of note, range and line, giving its text');
    const kind = kinds[0]!;
    const text = this.localized('annotations', fields.get(kind), lang) ?? fail(`the ${kind} annotation needs its text`);
    const axis = (name: string): AxisValue | undefined => {
      const value = fields.get(name);
      if (value === undefined || value === null) return undefined;
      if (!isScalar(value)) return fail(`${name} of an annotation is one value`);
      return typeof value.value === 'number' ? value.value : String(value.value);
    };
    const number = (name: string): number | undefined => {
      const value = axis(name);
      if (value === undefined) return undefined;
      const parsed = Number(value);
      if (!Number.isFinite(parsed)) fail(`${name} of an annotation is a value on the value axis, a number, not "${value}"`);
      return parsed;
    };
    const x = axis('x');
    const y = number('y');
    switch (kind) {
      case 'note':
        if (x === undefined && y === undefined) fail('a note needs x, y or both: where it points');
        if (fields.has('from') || fields.has('to')) fail('from and to belong to a range; a note points with x and y');
        return { kind, text, line, ...(x === undefined ? {} : { x }), ...(y === undefined ? {} : { y }) };
      case 'range': {
        const from = axis('from');
        const to = axis('to');
        if (from === undefined || to === undefined) fail('a range needs from and to: where it starts and ends on the x axis');
        if (x !== undefined || y !== undefined) fail('a range spans the x axis with from and to; it takes no x or y');
        return { kind, text, line, from: from!, to: to! };
      }
      case 'line':
        if ((x === undefined) === (y === undefined)) fail('a line needs either x (a line across at a point of the x axis) or y (a line at a value)');
        if (fields.has('from') || fields.has('to')) fail('from and to belong to a range; a line stands at one x or y');
        return { kind, text, line, ...(x === undefined ? {} : { x }), ...(y === undefined ? {} : { y }) };
    }
  }
}

/** Text in `lang`, or undefined where the definition has none in that language. */
export function textIn(text: Localized | undefined, lang: Lang): string | undefined {
  return text?.[lang];
}
