import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChartDefinitionError, parseChartDefinition, slug, textIn, type DefinitionOptions } from './definition.ts';
import { yaml } from './fixtures.ts';

const BASE = ['type: bar', 'aggregate: ranked-products', 'x: product', 'title: Top products', 'dek: The largest ones.'];
const chart = (...extra: string[]) => yaml(...BASE, ...extra);
const read = (text: string, options: DefinitionOptions = { lang: 'en' }) => parseChartDefinition(text, options);

/** The mistake a definition stops with, as line and message. */
function failure(text: string, options: DefinitionOptions = { lang: 'en' }): { line: number; message: string } {
  try {
    read(text, options);
  } catch (error) {
    if (error instanceof ChartDefinitionError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error(`expected the definition to fail:\n${text}`);
}

describe('parseChartDefinition', () => {
  it('reads the required keys and fills in every default', () => {
    const definition = read(chart());
    expect(definition).toMatchObject({
      id: 'top-products',
      explicitId: false,
      type: 'bar',
      aggregate: 'ranked-products',
      x: 'product',
      y: 'value',
      stack: false,
      hideZero: false,
      annotations: [],
      format: 'short',
      width: 'text',
      title: { en: 'Top products' },
      dek: { en: 'The largest ones.' },
    });
    for (const key of ['colour', 'highlight', 'highlightLabel', 'legend', 'sort', 'top', 'columns', 'notes', 'source', 'credit']) {
      expect(definition, key).not.toHaveProperty(key);
    }
    expect([...definition.lines]).toEqual([
      ['type', 1],
      ['aggregate', 2],
      ['x', 3],
      ['title', 4],
      ['dek', 5],
    ]);
  });

  it('reads every optional key', () => {
    const definition = read(
      yaml(
        'type: column',
        'aggregate: products-by-year',
        'x: product',
        'y: records',
        'colour: year',
        'stack: true',
        'highlight: "2023"',
        'highlight_label: latest',
        'legend: The latest year',
        'sort: { series: "2023" }',
        'top: 3',
        'hide_zero: true',
        'format: full',
        'columns: [product, { value: Amount }]',
        'title: T',
        'dek: D',
        'notes: N',
        'source: S',
        'credit: C',
        'width: wide',
        'id: my-chart',
      ),
    );
    expect(definition).toMatchObject({
      id: 'my-chart',
      explicitId: true,
      type: 'column',
      y: 'records',
      colour: 'year',
      stack: true,
      highlight: { values: ['2023'] },
      highlightLabel: { en: 'latest' },
      legend: { en: 'The latest year' },
      sort: { by: 'series', series: '2023' },
      top: 3,
      hideZero: true,
      format: 'full',
      columns: [{ field: 'product' }, { field: 'value', heading: { en: 'Amount' } }],
      notes: { en: 'N' },
      source: { en: 'S' },
      credit: { en: 'C' },
      width: 'wide',
    });
  });

  it('takes plain text in the story language, a mapping per language, or the language a file says', () => {
    expect(read(chart(), { lang: 'ko' }).title).toEqual({ ko: 'Top products' });
    const both = read(yaml(...BASE.slice(0, 3), 'title: { en: Top products, ko: 주요 품목 }', 'dek:', '  en: The largest.', '  ko: 가장 큰 품목.'));
    expect(both.title).toEqual({ en: 'Top products', ko: '주요 품목' });
    expect(both.dek).toEqual({ en: 'The largest.', ko: '가장 큰 품목.' });
    expect(read(chart('lang: ko'), { lang: 'en', id: 'file' }).dek).toEqual({ ko: 'The largest ones.' });
    expect(textIn(both.title, 'ko')).toBe('주요 품목');
    expect(textIn({ en: 'only' }, 'ko')).toBeUndefined();
  });

  it("makes an id from the English title, takes a chart file's name, or the one written", () => {
    expect(read(chart()).id).toBe('top-products');
    expect(read(yaml(...BASE.slice(0, 3), 'title: { ko: 주요 품목, en: "Silicon carbide, 2023" }', 'dek: D')).id).toBe('silicon-carbide-2023');
    expect(read(chart(), { lang: 'en', id: 'from-file' })).toMatchObject({ id: 'from-file', explicitId: true });
    expect(read(chart('id: own'))).toMatchObject({ id: 'own', explicitId: true });
    expect(slug('  Ça va, 100% — "yes"  ')).toBe('ca-va-100-yes');
    expect(slug("Côte d'Ivoire")).toBe('cote-d-ivoire');
    expect(slug('x'.repeat(70))).toHaveLength(60);
  });

  it('reads a highlight as a value, a list or an attribute match', () => {
    expect(read(chart('highlight: wigs')).highlight).toEqual({ values: ['wigs'] });
    expect(read(chart('highlight: 2023')).highlight).toEqual({ values: ['2023'] });
    expect(read(chart('highlight: [wigs, graphite]')).highlight).toEqual({ values: ['wigs', 'graphite'] });
    expect(read(chart('highlight: { product_group: minerals }')).highlight).toEqual({ attribute: 'product_group', value: 'minerals' });
  });

  it('reads a sort by value, label, data, one series or a fixed order', () => {
    expect(read(chart('sort: value')).sort).toEqual({ by: 'value' });
    expect(read(chart('sort: label')).sort).toEqual({ by: 'label' });
    expect(read(chart('sort: data')).sort).toEqual({ by: 'data' });
    expect(read(chart('sort: { series: "2023" }')).sort).toEqual({ by: 'series', series: '2023' });
    expect(read(chart('sort: [graphite, wigs]')).sort).toEqual({ by: 'order', order: ['graphite', 'wigs'] });
  });

  it('reads columns with headings in one or several languages', () => {
    expect(read(chart('columns: [rank, { product: Item }, { value: { en: Amount, ko: 금액 } }, share]')).columns).toEqual([
      { field: 'rank' },
      { field: 'product', heading: { en: 'Item' } },
      { field: 'value', heading: { en: 'Amount', ko: '금액' } },
      { field: 'share' },
    ]);
  });

  it('reads notes at a point, ranges and lines, each with the line it is on', () => {
    const definition = read(
      yaml(
        'type: line',
        'aggregate: monthly-by-product',
        'x: month',
        'title: T',
        'dek: D',
        'annotations:',
        '  - note: Border closes',
        '    x: 2020-01',
        '  - note: { en: High, ko: 최고 }',
        '    x: 2022-05',
        '    y: 23000000',
        '  - range: Closed',
        '    from: 2020-01',
        '    to: 2021-12',
        '  - line: Average',
        '    y: 1.5e7',
        '  - line: Reopening',
        '    x: 2022-01',
      ),
    );
    expect(definition.annotations).toEqual([
      { kind: 'note', text: { en: 'Border closes' }, x: '2020-01', line: 7 },
      { kind: 'note', text: { en: 'High', ko: '최고' }, x: '2022-05', y: 23_000_000, line: 9 },
      { kind: 'range', text: { en: 'Closed' }, from: '2020-01', to: '2021-12', line: 12 },
      { kind: 'line', text: { en: 'Average' }, y: 15_000_000, line: 15 },
      { kind: 'line', text: { en: 'Reopening' }, x: '2022-01', line: 17 },
    ]);
  });
});

describe('mistakes in a definition', () => {
  it.each([
    ['a misspelt key, with the key meant', chart('color: year'), 6, /^unknown key "color" in the chart\. Did you mean "colour"\? Keys: "id", "type"/],
    ['a key given twice', chart('type: column'), 6, /^the chart is not valid YAML: "type" is given twice$/],
    ["broken YAML, without the parser's own line count", chart('notes: [a'), 6, /^the chart is not valid YAML: Flow sequence .*end with a \]$/],
    [
      'an unknown type, with the close ones',
      chart().replace('type: bar', 'type: bra'),
      1,
      /^type "bra" is not one of "bar", "column", "line", "area", "dot" or "table"\. Did you mean "area" or "bar"\?$/,
    ],
    [
      'a missing required key',
      yaml('type: bar', 'x: product', 'title: T', 'dek: D'),
      1,
      /^the chart needs "aggregate:"; it has "type", "x", "title" and "dek"$/,
    ],
    ['a list instead of keys', yaml('- type: bar'), 1, /^a chart is a list of "key: value" lines/],
    ['a list where one value goes', chart('y: [value, records]'), 6, /^y must be a single value, not a list or a mapping$/],
    ['stack that is not true or false', chart('colour: year', 'stack: yes'), 7, /^stack must be true or false$/],
    ['stack without colour', chart('stack: true'), 6, /^stack: true stacks the series that "colour:" splits into; name a colour field$/],
    [
      'a stacked line',
      yaml('type: line', 'aggregate: a', 'x: month', 'colour: product', 'stack: true', 'title: T', 'dek: D'),
      5,
      /^a line chart cannot be stacked; use bar, column or area$/,
    ],
    ['colour the same as x', chart('colour: product'), 6, /^colour and x both name "product"/],
    ['top that is not a count', chart('top: 0'), 6, /^top must be a whole number above zero, not "0"$/],
    ['an unknown format', chart('format: long'), 6, /^format "long" is not one of "short", "full" or "percent"\.$/],
    ['an unknown width', chart('width: full'), 6, /^width "full" is not one of "text" or "wide"\.$/],
    ['a bad id', chart('id: Top_Products'), 6, /^id "Top_Products" must be lower-case letters, digits and dashes$/],
    ['a highlight_label without highlight', chart('highlight_label: mineral'), 6, /^this says what the highlight means, but the chart has no "highlight:"$/],
    ['a legend without highlight', chart('legend: Minerals'), 6, /^this says what the highlight means/],
    ['a highlight of two attributes', chart('highlight: { a: 1, b: 2 }'), 6, /^highlight is a value, a list of values, or one attribute match/],
    ['an unknown sort', chart('sort: size'), 6, /^sort "size" is not value, label or data/],
    ['columns that are not a list', chart('columns: product'), 6, /^columns lists the fields the table and CSV show, in order$/],
    ['text in an unknown language', chart('notes: { en: N, fr: M }'), 6, /^"fr" in notes is not a story language; languages: "en" and "ko"$/],
    ['empty text', chart('notes: ""'), 6, /^notes is empty$/],
    ['an empty language', yaml(...BASE.slice(0, 3), 'title: T', 'dek:', '  en: D', '  ko:'), 7, /^dek\.ko must be text$/],
    [
      'a Korean title without an id',
      yaml(...BASE.slice(0, 3), 'title: 주요 품목', 'dek: D'),
      4,
      /^the chart needs an "id:": its title has no Latin letters or digits/,
    ],
  ])('%s', (_, text, line, message) => {
    const { line: at, message: said } = failure(text);
    expect(said).toMatch(message);
    expect(at).toBe(line);
  });

  it('refuses an id in a chart file that is not its name', () => {
    expect(failure(chart('id: other'), { lang: 'en', id: 'top-products' })).toEqual({
      line: 6,
      message: 'id "other" differs from the file\'s name "top-products"; a chart file takes its id from its name, so leave "id:" out',
    });
  });

  it('refuses a language the site has not', () => {
    expect(failure(chart('lang: fr'))).toMatchObject({ line: 6, message: expect.stringMatching(/^lang "fr" is not one of "en" or "ko"/) });
  });

  it.each([
    ['something other than a list', ['annotations: { note: X }'], 6, /^annotations is a list; each item starts with "- note:", "- range:" or "- line:"$/],
    ['a plain value', ['annotations:', '  - Border closes'], 7, /^an annotation is "- note: text" with x and\/or y/],
    [
      'a misspelt key',
      ['annotations:', '  - note: X', '    x: 2020-01', '    z: 2'],
      7,
      /^unknown key "z" in an annotation\. Did you mean "x", "y" or "to"\? Keys: "note", "range", "line", "x", "y", "from" and "to"\.$/,
    ],
    [
      'two kinds at once',
      ['annotations:', '  - note: X', '    line: Y', '    y: 1'],
      7,
      /^an annotation has exactly one of note, range and line, giving its text$/,
    ],
    ['a note pointing nowhere', ['annotations:', '  - note: X'], 7, /^a note needs x, y or both: where it points$/],
    ['a note with from and to', ['annotations:', '  - note: X', '    x: 2020-01', '    to: 2021-01'], 7, /^from and to belong to a range/],
    ['a range without its end', ['annotations:', '  - range: X', '    from: 2020-01'], 7, /^a range needs from and to/],
    [
      'a range with an x',
      ['annotations:', '  - range: X', '    from: 2020-01', '    to: 2021-01', '    x: 2020-06'],
      7,
      /^a range spans the x axis with from and to; it takes no x or y$/,
    ],
    ['a line at both x and y', ['annotations:', '  - line: X', '    x: 2020-01', '    y: 5'], 7, /^a line needs either x .* or y/],
    ['a y that is not a number', ['annotations:', '  - line: X', '    y: big'], 7, /^y of an annotation is a value on the value axis, a number, not "big"$/],
    ['a text that is empty', ['annotations:', '  - line: ""', '    y: 5'], 7, /^annotations is empty$/],
    ['the second of two, at its own line', ['annotations:', '  - line: A', '    y: 5', '  - line: B'], 9, /^a line needs either x/],
  ])('in annotations: %s', (_, lines, line, message) => {
    const { line: at, message: said } = failure(yaml('type: line', 'aggregate: a', 'x: month', 'title: T', 'dek: D', ...lines));
    expect(said).toMatch(message);
    expect(at).toBe(line);
  });
});

describe("the reporters' guide", () => {
  it('documents every key a chart takes, and no other', () => {
    const guide = readFileSync(new URL('../../docs/reporters.md', import.meta.url), 'utf8');
    const table = guide.slice(guide.indexOf('### Every key'), guide.indexOf('### Highlights and the colour key'));
    const documented = [...table.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]);
    const keys = /Keys: (.*)\.$/
      .exec(failure(chart('nope: 1')).message)![1]!
      .match(/"([a-z_]+)"/g)!
      .map((key) => key.slice(1, -1));
    expect([...documented].sort()).toEqual([...keys].sort());
  });
});
