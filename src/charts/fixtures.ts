// Test support only: hand-made aggregates in the shape the data step writes, and a way to
// compile a chart definition against them. No module outside tests imports this.
import type { Aggregate, AggregateRow, AggregatesFile } from '../contract/index.ts';
import { parseHTML } from 'linkedom';
import type { Lang } from '../i18n/index.ts';
import { compileBlock } from './compile.ts';
import { ChartDefinitionError } from './definition.ts';
import { textWidth } from './layouts.ts';

/** An aggregate in the data step's shape, with the fields a test does not care about filled in. */
export function aggregate(id: string, partial: Partial<Aggregate> & Pick<Aggregate, 'dimensions' | 'rows'>): Aggregate {
  return {
    id,
    description: id,
    flow: 'import',
    currency: 'CNY',
    period: { start: '2023-01', end: '2023-10' },
    measures: ['value', 'records'],
    synthetic: true,
    sources: ['imports-2023.csv'],
    ...partial,
  };
}

/** key, English label, group, value: twelve products, ranked by value, one with a Chinese name only. */
const PRODUCTS: [string, string, string, number][] = [
  ['wigs', 'Wigs and false eyelashes', '', 1_080_412_000],
  ['ferrosilicon', 'Ferrosilicon', 'minerals', 181_530_000],
  ['tungsten', 'Tungsten ore', 'minerals', 151_920_000],
  ['molybdenum', 'Molybdenum ore', 'minerals', 98_400_000],
  ['electricity', 'Electricity', '', 71_200_000],
  ['silicon-carbide', 'Silicon carbide', 'minerals', 64_800_000],
  ['shoe-uppers', 'Shoe uppers', '', 40_100_000],
  ['graphite', 'Graphite', 'minerals', 33_700_000],
  ['bristles', 'Pig bristles and hair', '', 21_000_000],
  ['watch-movements', 'Watch movements', '', 17_300_000],
  ['hs-03074310', '冻鱿鱼', '', 9_000_000],
  ['hs-92099200', 'Parts of musical instruments', '', 1_200_000],
];

/** Korean names the reference tables give for some products (the rest fall back to English). */
const KOREAN: Record<string, string> = { wigs: '가발', ferrosilicon: '규소철', tungsten: '텅스텐광' };

const names = (keys: readonly string[]) => ({
  product: Object.fromEntries(
    keys.map((key) => [
      key,
      {
        en: PRODUCTS.find(([product]) => product === key)![1],
        ...(KOREAN[key] ? { ko: KOREAN[key] } : {}),
      },
    ]),
  ),
});

/** One year of twelve products ranked by value (field `rank`), grouped by `product_group`. */
export function rankedProducts(): Aggregate {
  return aggregate('ranked-products', {
    dimensions: ['product'],
    rows: PRODUCTS.map(([product, product_label, product_group, value], k) => ({
      product,
      product_label,
      product_group,
      value,
      records: 10,
      rank: k + 1,
    })),
    names: names(PRODUCTS.map(([product]) => product)),
  });
}

const GROUP = PRODUCTS.filter(([, , group]) => group === 'minerals');

/** Five products in four years, 2021 small and one product zero that year. */
export function productsByYear(): Aggregate {
  const scale: Record<number, number> = { 2019: 0.6, 2021: 0.02, 2022: 0.7, 2023: 1 };
  const rows: AggregateRow[] = [];
  for (const year of [2019, 2021, 2022, 2023]) {
    for (const [product, product_label, product_group, value] of GROUP) {
      const amount = product === 'silicon-carbide' && year === 2021 ? 0 : Math.round(value * scale[year]!);
      rows.push({ year, product, product_label, product_group, value: amount, records: amount ? 4 : 0 });
    }
  }
  return aggregate('products-by-year', {
    period: { start: '2019-01', end: '2023-10' },
    dimensions: ['year', 'product'],
    rows,
    names: names(GROUP.map(([product]) => product)),
  });
}

/** Two products month by month, January 2019 to October 2023 (58 months), zero in 2020 and 2021. */
export function monthlyByProduct(): Aggregate {
  const rows: AggregateRow[] = [];
  for (let index = 2019 * 12; index <= 2023 * 12 + 9; index++) {
    const year = Math.floor(index / 12);
    const month = `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
    const open = year === 2019 || year >= 2022;
    for (const [product, product_label, base] of [
      ['ferrosilicon', 'Ferrosilicon', 18e6],
      ['tungsten', 'Tungsten ore', 15e6],
    ] as const) {
      const value = open ? Math.round(base * (1 + 0.3 * Math.sin(index + base / 1e6))) : 0;
      rows.push({ month, product, product_label, product_group: 'minerals', value, records: value ? 2 : 0 });
    }
  }
  return aggregate('monthly-by-product', {
    period: { start: '2019-01', end: '2023-10' },
    dimensions: ['month', 'product'],
    rows,
    names: names(['ferrosilicon', 'tungsten']),
  });
}

/** Exports in three groups of goods, zero in 2022, then 2023. */
export function groupsByYear(): Aggregate {
  const groups: [string, string, number][] = [
    ['machinery', 'Industrial machinery', 6_320_000],
    ['vehicles', 'Transport vehicles', 486_000],
    ['metals', 'Iron, steel and other metals', 2_150_000],
  ];
  const rows: AggregateRow[] = [];
  for (const year of [2022, 2023]) {
    for (const [sanction_group, sanction_label, value] of groups) {
      rows.push({ year, sanction_group, sanction_label, value: year === 2023 ? value : 0, records: year === 2023 ? 3 : 0 });
    }
  }
  return aggregate('groups-by-year', {
    flow: 'export',
    period: { start: '2022-01', end: '2023-10' },
    dimensions: ['year', 'sanction_group'],
    rows,
    sources: ['exports-2022.csv', 'exports-2023.csv'],
  });
}

/** Every fixture aggregate by id, fresh each call. */
export function testAggregates(): AggregatesFile {
  return Object.fromEntries([rankedProducts(), productsByYear(), monthlyByProduct(), groupsByYear()].map((a) => [a.id, a]));
}

/** YAML lines of a chart definition, joined. */
export const yaml = (...lines: string[]): string => lines.join('\n');

/** A chart block compiled against the fixtures (or `aggregates`) in `lang`. */
export function testChart(text: string, lang: Lang = 'en', aggregates: AggregatesFile = testAggregates()): ReturnType<typeof compileBlock> {
  return compileBlock(text, lang, aggregates);
}

/** The mistake a definition stops with: its line within the YAML and its message; throws if it compiles. */
export function chartFailure(text: string, lang: Lang = 'en', aggregates: AggregatesFile = testAggregates()): { line: number; message: string } {
  try {
    compileBlock(text, lang, aggregates);
  } catch (error) {
    if (error instanceof ChartDefinitionError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error(`expected the chart to fail:\n${text}`);
}

/** A rendered SVG as a document, to query its elements. */
export function svgDocument(svg: string): Element {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg')!;
}

/** Where a drawn text is, in viewBox units, with its box estimated from its characters. */
export interface TextBox {
  text: string;
  /** Classes of the text and of the groups around it. */
  classes: string[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const translation = (element: Element): [number, number] => {
  const match = /translate\(\s*([-\d.e]+)[,\s]+([-\d.e]+)\s*\)/.exec(element.getAttribute('transform') ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
};

/** Every <text> of an SVG Plot drew (translations, text-anchor and em offsets resolved). */
export function textBoxes(svg: string): TextBox[] {
  const root = svgDocument(svg);
  const fontSize = Number(root.getAttribute('font-size'));
  return [...root.querySelectorAll('text')].map((node) => {
    let x = Number(node.getAttribute('x') ?? 0);
    let y = 0;
    const classes: string[] = [];
    let anchor: string | undefined;
    for (let element: Element | null = node; element && element !== root.parentElement; element = element.parentElement) {
      const [dx, dy] = translation(element);
      x += dx;
      y += dy;
      anchor ??= element.getAttribute('text-anchor') ?? undefined;
      classes.push(...(element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
    }
    // Plot writes a text of several lines as tspans, the first shifted by y, the rest by dy.
    const em = (value: string | null) => Number(/^([-\d.]+)em$/.exec(value ?? '')?.[1] ?? 0) * fontSize;
    const spans = [...node.querySelectorAll('tspan')];
    const lines = spans.length > 0 ? spans.map((span) => span.textContent ?? '') : [node.textContent ?? ''];
    const width = Math.max(...lines.map((line) => textWidth(line, fontSize)));
    const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
    // Plot shifts a text by em: 0.32em centres it on y, 0.71em hangs it below y; none sits it on y.
    const first = y + em(spans[0]?.getAttribute('y') ?? node.getAttribute('y'));
    const last = first + spans.slice(1).reduce((sum, span) => sum + em(span.getAttribute('dy')), 0);
    return { text: lines.join(' '), classes, left, right: left + width, top: first - fontSize * 0.8, bottom: last + fontSize * 0.2 };
  });
}

/** Whether two boxes share any area. */
export const overlaps = (a: TextBox, b: TextBox): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
