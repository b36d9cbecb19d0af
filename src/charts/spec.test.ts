import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT, DEFAULT_SOURCE } from '../config.ts';
import { ChartDefinitionError, parseChartDefinition } from './definition.ts';
import { DESKTOP } from './layouts.ts';
import { chartSpec, sourceText } from './spec.ts';
import { rankedProducts, yaml } from './fixtures.ts';

const BASE = ['type: bar', 'aggregate: ranked-products', 'x: product', 'top: 3'];
/** A chart file: plain text is English, unless it says lang:. */
const file = (...lines: string[]) => parseChartDefinition(yaml(...BASE, ...lines), { lang: 'en', id: 'chart' });

/** The mistake compiling stops with in `lang`. */
function failure(definition: ReturnType<typeof file>, lang: 'en' | 'ko' = 'ko'): { line: number; message: string } {
  try {
    chartSpec(definition, lang);
  } catch (error) {
    if (error instanceof ChartDefinitionError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected the chart to fail');
}

describe('chartSpec', () => {
  it("carries the definition's words, with the default source and credit", () => {
    const spec = chartSpec(file('title: Top three', 'dek: The largest.', 'notes: A note.'), 'en');
    expect(spec).toMatchObject({
      id: 'chart',
      aggregate: 'ranked-products',
      lang: 'en',
      type: 'bar',
      width: 'text',
      title: 'Top three',
      dek: 'The largest.',
      notes: 'A note.',
      source: DEFAULT_SOURCE.en,
      credit: DEFAULT_CREDIT.en,
    });
    expect(chartSpec(file('title: T', 'dek: D', 'source: Korea Customs', 'credit: "Graphic: A. Artist"'), 'en')).toMatchObject({
      source: 'Korea Customs',
      credit: 'Graphic: A. Artist',
    });
    expect(chartSpec(file('title: T', 'dek: D'), 'en')).not.toHaveProperty('notes');
  });

  it('is defined once and drawn per language, each in its own words', () => {
    const definition = file('title: { en: Top three, ko: 상위 3개 }', 'dek: { en: The largest., ko: 가장 큰 품목. }');
    const [en, ko] = [chartSpec(definition, 'en'), chartSpec(definition, 'ko')];
    expect([en.title, en.dek, en.source, en.credit]).toEqual(['Top three', 'The largest.', DEFAULT_SOURCE.en, DEFAULT_CREDIT.en]);
    expect([ko.title, ko.dek, ko.source, ko.credit]).toEqual(['상위 3개', '가장 큰 품목.', DEFAULT_SOURCE.ko, DEFAULT_CREDIT.ko]);
    expect(ko.table(rankedProducts()).columns[0]!.label).toBe('품목');
    expect(en.cacheKey).not.toBe(ko.cacheKey);
  });

  it("takes a chart file's plain text as the language it says", () => {
    expect(chartSpec(file('lang: ko', 'title: 상위 3개', 'dek: 가장 큰 품목.'), 'ko').title).toBe('상위 3개');
  });

  it.each([
    ['title', ['title: Top three', 'dek: { en: D, ko: 설명 }'], 5],
    ['dek', ['title: { en: T, ko: 제목 }', 'dek: The largest.'], 6],
    ['notes', ['title: { ko: 제목 }', 'dek: { ko: 설명 }', 'notes: A note.'], 7],
    ['source', ['title: { ko: 제목 }', 'dek: { ko: 설명 }', 'source: Korea Customs'], 7],
    ['credit', ['title: { ko: 제목 }', 'dek: { ko: 설명 }', 'credit: "Graphic: A. Artist"'], 7],
    ['highlight_label', ['title: { ko: 제목 }', 'dek: { ko: 설명 }', 'highlight: wigs', 'highlight_label: biggest'], 8],
    ['legend', ['title: { ko: 제목 }', 'dek: { ko: 설명 }', 'highlight: wigs', 'legend: The biggest'], 8],
    ['columns', ['title: { ko: 제목 }', 'dek: { ko: 설명 }', 'columns: [product, { value: Amount }]'], 7],
  ])('stops a Korean chart without Korean %s, naming the key and its line', (key, lines, line) => {
    expect(failure(file(...lines))).toEqual({
      line,
      message: `${key} has no 한국어 text (${key}.ko), and chart "chart" is drawn in a 한국어 story; add "ko:" to ${key}`,
    });
  });

  it('stops at the annotation that has no Korean text, at its own line', () => {
    const definition = file('title: { ko: 제목 }', 'dek: { ko: 설명 }', 'annotations:', '  - line: { ko: 기준 }', '    y: 5', '  - line: Half', '    y: 10');
    expect(failure(definition)).toMatchObject({ line: 10, message: expect.stringMatching(/^annotations has no 한국어 text \(annotations\.ko\)/) });
  });

  it('needs no Korean where a Korean story writes plain text, which is Korean', () => {
    const block = parseChartDefinition(yaml(...BASE, 'title: 제목', 'dek: 설명', 'id: k', 'highlight: wigs', 'legend: 가장 큰 품목'), { lang: 'ko' });
    expect(chartSpec(block, 'ko').title).toBe('제목');
    expect(failure(block, 'en').message).toMatch(/^title has no English text \(title\.en\)/);
  });

  it('keys caches by everything the drawing depends on but the data', () => {
    const key = (...lines: string[]) => chartSpec(file('title: T', 'dek: D', ...lines), 'en').cacheKey;
    expect(key()).toBe(key());
    expect(key()).toMatch(/^[0-9a-f]{16}$/);
    expect(key('format: full')).not.toBe(key());
    expect(key('notes: N')).not.toBe(key());
  });

  it('says the data is sample data on the source line when it is', () => {
    const spec = chartSpec(file('title: T', 'dek: D'), 'en');
    expect(sourceText(spec, rankedProducts())).toBe(`${DEFAULT_SOURCE.en}. Sample data generated for this project, not GACC figures.`);
    expect(sourceText(spec, { ...rankedProducts(), synthetic: false })).toBe(`${DEFAULT_SOURCE.en}.`);
    expect(sourceText(chartSpec(file('title: { ko: 제목 }', 'dek: { ko: 설명 }'), 'ko'), rankedProducts())).toBe(
      `${DEFAULT_SOURCE.ko}. 이 프로젝트를 위해 생성한 샘플 데이터로, GACC 수치가 아님.`,
    );
  });

  it('gives Plot options for an artboard of every type, a table too', () => {
    for (const type of ['bar', 'column', 'dot', 'table']) {
      const spec = chartSpec(parseChartDefinition(yaml(`type: ${type}`, ...BASE.slice(1), 'title: T', 'dek: D'), { lang: 'en' }), 'en');
      const options = spec.plot(rankedProducts(), DESKTOP);
      expect(options.height, type).toBeGreaterThan(50);
      expect((options.marks ?? []).length, type).toBeGreaterThan(1);
    }
  });
});
