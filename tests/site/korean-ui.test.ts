// A Korean page speaks Korean: nothing the site itself writes (src/i18n/en.ts, every string
// of it and whatever its functions make) shows on the Korean edition of the newsroom
// fixture, on its Korean embeds, in their oEmbed answers or in their CSV headings. Text that
// comes with the data (file names, the sources and rate sources the newsroom wrote, fact
// descriptions) may be in any language, and so may an element marked as another language
// (the language switch names English in English).
import type { AggregatesFile, DataReport, FactsFile, Period, UsdConversion } from '../../src/contract/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_TYPES } from '../../src/charts/index.ts';
import { DIMENSIONS } from '../../src/aggregate/declarations.ts';
import { en } from '../../src/i18n/en.ts';
import { ko } from '../../src/i18n/ko.ts';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { listFiles, readPage, type Page } from '../support/pages.ts';
import { sharedBuild, type BuiltProject } from '../support/project.ts';

/** Stands for an argument in a language function's output: the text around it is the module's own. */
const ARG = '\u0001';

/** Arguments to call each function of a language module with; a function missing here gets ARG for each parameter. */
function sampleArguments(fields: readonly string[]): Record<string, unknown[][]> {
  const months = Array.from({ length: 12 }, (_, month) => [new Date(Date.UTC(2024, month, 1))]);
  const usd: UsdConversion = { value: 1, rate: 7.2, rate_year: 2024, rate_source: ARG };
  const periods: Period[] = [
    { start: '2023-01', end: '2024-12' },
    { start: '2024-01', end: '2024-12' },
    { start: '2024-03', end: '2024-03' },
  ];
  return {
    'article.files': [[1], [2]],
    'chart.kind': CHART_TYPES.flatMap((kind) => [
      [kind, false],
      [kind, true],
    ]),
    'chart.field': fields.map((field) => [field]),
    'chart.flow': [['import'], ['export']],
    'chart.unit': [['CNY'], ['USD']],
    'chart.list': [[[ARG]], [[ARG, ARG]], [[ARG, ARG, ARG]]],
    'chart.describe.annotations': [[[ARG]], [[ARG, ARG]]],
    date: months,
    'numbers.money': [1.5e12, 1.5e9, 1.5e6, 1500].flatMap((value) => [
      [value, 'CNY', {}],
      [value, 'USD', {}],
      [value, 'CNY', { approximate: true }],
    ]),
    'numbers.compact': [1.5e12, 1.5e9, 1.5e6, 1500, 15].flatMap((value) => [
      [value, 'CNY', 1],
      [value, 'USD', 1],
      [value, undefined, 1],
    ]),
    'numbers.count': Array.from({ length: 13 }, (_, n) => [n, undefined]),
    'numbers.ordinal': Array.from({ length: 13 }, (_, n) => [
      [n + 1, false],
      [n + 1, true],
    ]).flat(),
    'numbers.times': [
      [2.5, 1],
      [1, 1],
    ],
    'numbers.period': periods.map((period) => [period]),
    'numbers.rateNote': [[usd]],
  };
}

/** Every text a language module can put on a page, each cut at its arguments. */
function moduleTexts(module: object, samples: Record<string, unknown[][]>): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') {
      for (const args of samples[path] ?? [Array.from({ length: value.length }, () => ARG)]) {
        let out: unknown;
        try {
          out = (value as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          throw new Error(`${path}(${args.map(String).join(', ')}) threw ${String(error)}: give it sample arguments in sampleArguments()`);
        }
        if (typeof out !== 'string' && out !== undefined) throw new Error(`${path} returned ${typeof out}: give it sample arguments in sampleArguments()`);
        if (out !== undefined) texts.push(out);
      }
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  // The language's codes are not words a reader reads.
  const { lang: _lang, tag: _tag, ...words } = module as Record<string, unknown>;
  walk(words, '');
  return texts.flatMap((text) => text.split(ARG));
}

/** Runs of Latin-script words in `text`: "Sort by", "Get the data", "billion yuan", "B" (of "1.5B"). */
const latinRuns = (text: string) => text.match(/[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)*/g) ?? [];

/** What marks English UI text on a page: a run of en.ts words that ko.ts does not use itself. */
function englishPatterns(fields: readonly string[]): { run: string; pattern: RegExp }[] {
  const samples = sampleArguments(fields);
  const korean = new Set(
    moduleTexts(ko, samples)
      .flatMap(latinRuns)
      .map((run) => run.toLowerCase()),
  );
  const runs = new Set(
    moduleTexts(en, samples)
      .flatMap(latinRuns)
      .filter((run) => !korean.has(run.toLowerCase())),
  );
  const escape = (run: string) => run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  // One letter is a number's scale ("1.5B"): English only right after a digit.
  return [...runs].map((run) => ({
    run,
    pattern: run.length === 1 ? new RegExp(`\\d${run}(?![A-Za-z])`) : new RegExp(`(?<![A-Za-z])${escape(run)}(?![A-Za-z])`, 'i'),
  }));
}

const KOREAN = 'ko';
const SHOWN_ATTRIBUTES = ['title', 'aria-label', 'alt', 'placeholder'];
const SHOWN_META = ['description', 'og:title', 'og:description', 'og:image:alt', 'twitter:title', 'twitter:description', 'twitter:image:alt'];
/** Elements whose text is code or machine data, not words. */
const NOT_TEXT = new Set(['script', 'style', 'textarea', 'code']);

/** What a reader of `page` sees or hears in Korean: text nodes and shown attributes of everything whose language is Korean. */
function koreanTexts(page: Page): string[] {
  const texts: string[] = [];
  const langOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang') ?? '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (parent && !NOT_TEXT.has(parent.localName) && langOf(parent) === KOREAN && node.textContent!.trim()) texts.push(node.textContent!);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (NOT_TEXT.has(element.localName)) return;
    if (langOf(element) === KOREAN) {
      for (const name of SHOWN_ATTRIBUTES) if (element.hasAttribute(name)) texts.push(element.getAttribute(name)!);
      const meta = element.getAttribute('name') ?? element.getAttribute('property');
      if (element.localName === 'meta' && meta && SHOWN_META.includes(meta)) texts.push(element.getAttribute('content') ?? '');
    }
    for (const child of element.childNodes) walk(child as Node);
  };
  page.normalize();
  walk(page.documentElement as unknown as Node);
  return texts;
}

let project: BuiltProject;
let patterns: { run: string; pattern: RegExp }[];
/** Text the newsroom's data brings, in whatever language it was written. */
let dataTexts: string[];
/** Site-relative paths of the Korean pages and embeds. */
let koreanPages: string[];

beforeAll(async () => {
  project = await sharedBuild('newsroom');
  const aggregates = JSON.parse(await readFile(join(project.data, 'aggregates.json'), 'utf8')) as AggregatesFile;
  const facts = JSON.parse(await readFile(join(project.data, 'facts.json'), 'utf8')) as FactsFile;
  const report = JSON.parse(await readFile(join(project.data, 'report.json'), 'utf8')) as DataReport;
  const fields = new Set<string>([...DIMENSIONS, 'rank', 'share', 'highlight']);
  for (const aggregate of Object.values(aggregates)) for (const row of aggregate.rows) for (const key of Object.keys(row)) fields.add(key);
  patterns = englishPatterns([...fields]);
  dataTexts = [
    ...report.files.flatMap((file) => [file.file, file.source, ...Object.values(file.source_names ?? {})]),
    ...Object.values(facts).flatMap((fact) => [fact.description, fact.usd?.rate_source ?? '', ...Object.values(fact.usd?.rate_source_names ?? {})]),
    ...Object.values(aggregates).flatMap((aggregate) => [
      aggregate.description,
      ...(aggregate.conversion?.rates ?? []).flatMap((rate) => [rate.source, ...Object.values(rate.source_names ?? {})]),
    ]),
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const pages: string[] = [];
  for (const file of await project.htmlFiles()) {
    if ((await readPage(join(project.dist, file))).documentElement.getAttribute('lang') === KOREAN) pages.push(file.replace(/index\.html$/, ''));
  }
  koreanPages = pages;
}, BUILD_TIMEOUT);

/** The English UI runs in `texts`, once data text is taken out. */
function englishIn(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const raw of texts) {
    let rest = raw;
    for (const data of dataTexts) rest = rest.split(data).join(' ');
    for (const { run, pattern } of patterns) if (pattern.test(rest)) found.add(`"${run}" in "${raw.trim()}"`);
  }
  return [...found];
}

describe('Korean pages', () => {
  it('are the Korean story and the Korean embeds', () => {
    expect(koreanPages).toContain('soybeans-ko/');
    expect(koreanPages.filter((path) => path.startsWith('embed/ko/')).length).toBeGreaterThanOrEqual(3);
    expect(koreanPages.every((path) => path === 'soybeans-ko/' || path.startsWith('embed/ko/'))).toBe(true);
  });

  it('the test finds English UI text when there is some (the control)', () => {
    expect(patterns.length).toBeGreaterThan(50);
    const english = [
      en.frame.getData,
      `자료 출처 (${en.article.files(3)})`,
      '14.6B',
      en.numbers.money(2e9, 'CNY', {}),
      en.date(new Date(Date.UTC(2024, 4, 1))),
    ];
    for (const text of english) expect(englishIn([text]), text).not.toEqual([]);
    expect(englishIn(['데이터 내려받기(CSV)', '145.6억 위안', 'soy-imports-2024.csv', '2024년 5월 1일'])).toEqual([]);
    const { document } = parseHTML(
      '<html lang="ko"><head><title>제목</title></head><body><p aria-label="Data table">표</p><a lang="en" title="Language">English</a><textarea>width=100%</textarea></body></html>',
    );
    expect(koreanTexts(document)).toEqual(['제목', 'Data table', '표']);
  });

  it("show no English text of the site's own, in text or in shown attributes", async () => {
    const found: string[] = [];
    for (const path of koreanPages) {
      const texts = koreanTexts(await project.page(path));
      expect(texts.length, path).toBeGreaterThan(5);
      found.push(...englishIn(texts).map((what) => `${path}: ${what}`));
    }
    expect(found).toEqual([]);
  });

  it('answer oEmbed and head their CSV files in Korean', async () => {
    const found: string[] = [];
    const embeds = koreanPages.filter((path) => /^embed\/ko\/[^/]+\/$/.test(path));
    for (const path of embeds) {
      const oembed = JSON.parse(await readFile(join(project.dist, path, 'oembed.json'), 'utf8')) as Record<string, unknown>;
      const words = ['title', 'provider_name', 'author_name'].map((key) => oembed[key]).filter((value): value is string => typeof value === 'string');
      found.push(...englishIn(words).map((what) => `${path}oembed.json: ${what}`));
    }
    const csvs = (await listFiles(join(project.dist, 'data/ko'))).filter((file) => file.endsWith('.csv'));
    expect(csvs.length).toBe(embeds.length);
    for (const csv of csvs) {
      const heading = (await readFile(join(project.dist, 'data/ko', csv), 'utf8')).split('\n')[0]!;
      found.push(...englishIn([heading]).map((what) => `data/ko/${csv}: ${what}`));
    }
    expect(found).toEqual([]);
  });
});
