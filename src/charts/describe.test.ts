import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/index.ts';
import { testChart, yaml } from './fixtures.ts';

/** The generated description and alt text of a chart (id given, so any title will do). */
function words(lines: string[], lang: Lang = 'en', change?: (aggregate: ReturnType<typeof testChart>['aggregate']) => void) {
  const { spec, aggregate } = testChart(yaml(...lines, 'id: chart'), lang);
  change?.(aggregate);
  return { describe: spec.describe(aggregate), alt: spec.altText(aggregate) };
}

const ranked = ['aggregate: ranked-products', 'x: product', 'top: 3', 'title: Top three', 'dek: D'];
const byYear = ['aggregate: products-by-year', 'x: product', 'colour: year', 'top: 2', 'title: By year', 'dek: D'];
const monthly = ['aggregate: monthly-by-product', 'x: month', 'title: Monthly', 'dek: D'];

describe('the generated description', () => {
  it('names every category and its value, in the order drawn', () => {
    expect(words(['type: bar', ...ranked]).describe).toBe(
      'Wigs and false eyelashes, 1.08 billion yuan; Ferrosilicon, 181.53 million yuan; Tungsten ore, 151.92 million yuan.',
    );
  });

  it('gives each category its value in every series', () => {
    expect(words(['type: dot', ...byYear]).describe).toBe(
      'Ferrosilicon: 108.92 million yuan (2019), 3.63 million yuan (2021), 127.07 million yuan (2022) and 181.53 million yuan (2023); ' +
        'Tungsten ore: 91.15 million yuan (2019), 3.04 million yuan (2021), 106.34 million yuan (2022) and 151.92 million yuan (2023).',
    );
  });

  it('follows a series over time from first to last, with its peak', () => {
    expect(words(['type: line', ...monthly]).describe).toBe(
      'From 31.88 million yuan in January 2019 to 32.07 million yuan in October 2023; highest in April 2019 at 34.14 million yuan.',
    );
    const lines = words(['type: area', ...monthly, 'colour: product']).describe;
    expect(lines).toMatch(
      /^Ferrosilicon: from [\d.]+ million yuan in January 2019 to [\d.]+ million yuan in October 2023; highest in \w+ \d{4} at [\d.]+ million yuan\. Tungsten ore: from /,
    );
  });

  it('says what is highlighted, in the legend\'s words or as "Highlighted"', () => {
    expect(words(['type: bar', ...ranked, 'highlight: { product_group: minerals }', 'legend: Minerals']).describe).toMatch(
      /\. Minerals: Ferrosilicon and Tungsten ore\.$/,
    );
    expect(words(['type: column', ...byYear, 'highlight: 2023']).describe).toMatch(/\. Highlighted: 2023\.$/);
  });

  it('writes shares with the amounts behind them for format: percent', () => {
    expect(words(['type: bar', ...ranked, 'format: percent']).describe).toMatch(
      /^Wigs and false eyelashes, 61% \(1\.08 billion yuan\); Ferrosilicon, 10\.3% \(181\.53 million yuan\);/,
    );
  });

  it('counts customs rows for y: records', () => {
    expect(words(['type: bar', ...ranked, 'y: records']).describe).toBe(
      'Wigs and false eyelashes, 10 customs rows; Ferrosilicon, 10 customs rows; Tungsten ore, 10 customs rows.',
    );
  });

  it('describes a table chart like any other', () => {
    expect(words(['type: table', ...ranked]).describe).toBe(words(['type: bar', ...ranked]).describe);
  });

  it('says so when there is nothing to show', () => {
    expect(words(['type: bar', ...ranked], 'en', (aggregate) => aggregate.rows.splice(0)).describe).toBe('There is nothing to show.');
    expect(words(['type: bar', ...ranked], 'ko', (aggregate) => aggregate.rows.splice(0)).describe).toBe('표시할 데이터가 없습니다.');
  });

  it('is written in Korean for a Korean story, names and figures included', () => {
    expect(words(['type: bar', ...ranked, 'highlight: { product_group: minerals }', 'legend: { en: Minerals, ko: 광물 }'], 'ko').describe).toBe(
      '가발 10억8041만 위안; 규소철 1억8153만 위안; 텅스텐광 1억5192만 위안. 광물: 규소철 및 텅스텐광.',
    );
    expect(words(['type: line', ...monthly], 'ko').describe).toMatch(/^2019년 1월 3188만 위안에서 2023년 10월 3207만 위안\(으\)로; 2019년 4월에 3414만 위안/);
  });
});

describe('the alt text', () => {
  it.each([
    ['bar', 'Bar chart'],
    ['column', 'Column chart'],
    ['line', 'Line chart'],
    ['area', 'Area chart'],
    ['dot', 'Dot chart'],
    ['table', 'Table'],
  ])('names a %s chart, its title and the period', (type, kind) => {
    const lines = type === 'line' || type === 'area' ? [`type: ${type}`, ...monthly] : [`type: ${type}`, ...ranked];
    const period = type === 'line' || type === 'area' ? 'January 2019–October 2023' : 'January–October 2023';
    expect(words(lines).alt).toBe(`${kind}: ${lines.find((line) => line.startsWith('title: '))!.slice(7)}, ${period}.`);
  });

  it('says stacked, and speaks Korean', () => {
    expect(words(['type: column', ...byYear, 'stack: true']).alt).toBe('Stacked column chart: By year, January 2019–October 2023.');
    const korean = ['type: bar', ...ranked.filter((line) => !line.startsWith('title:')), 'title: { en: Top three, ko: 상위 3개 품목 }'];
    expect(words(korean, 'ko').alt).toBe('가로 막대 그래프: 상위 3개 품목, 2023년 1~10월.');
  });
});
