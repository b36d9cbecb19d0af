import { describe, expect, it } from 'vitest';
import { DESKTOP } from './layouts.ts';
import { renderArtboard } from './render.ts';
import { rankedProducts, svgDocument, testChart, yaml } from './fixtures.ts';
import { valueFormat } from './value-format.ts';

const yuan = rankedProducts();
const dollars = { ...rankedProducts(), currency: 'USD' as const };

describe('valueFormat', () => {
  it('writes short labels with the unit once, and tooltips in words', () => {
    const short = valueFormat(yuan, 'value', 'short', 'en');
    expect([short.label(181_530_000, true), short.label(181_530_000, false), short.tooltip(181_530_000, 181_530_000)]).toEqual([
      '181.5M yuan',
      '181.5M',
      '181.53 million yuan',
    ]);
    expect(valueFormat(dollars, 'value', 'short', 'en').label(25_800_000, true)).toBe('$25.8M');
    expect(valueFormat(yuan, 'records', 'short', 'en').label(1200, true)).toBe('1.2K customs rows');
  });

  it('writes full labels and tooltips with every digit', () => {
    const full = valueFormat(yuan, 'value', 'full', 'en');
    expect([full.label(181_530_000, true), full.label(181_530_000, false), full.tooltip(181_530_000, 181_530_000)]).toEqual([
      '181,530,000 yuan',
      '181,530,000',
      '181,530,000 yuan',
    ]);
    expect(valueFormat(yuan, 'records', 'full', 'en').tooltip(12, 12)).toBe('12 customs rows');
    expect(valueFormat(yuan, 'records', 'full', 'ko').tooltip(12, 12)).toBe('12 건');
  });

  it('writes percent labels as shares and tooltips with the amount behind', () => {
    const percent = valueFormat(yuan, 'value', 'percent', 'en');
    expect(percent.percent).toBe(true);
    expect([percent.label(0.1234, true), percent.tooltip(0.1234, 181_530_000)]).toEqual(['12.3%', '12.3% (181.53 million yuan)']);
  });

  it('speaks Korean', () => {
    expect(valueFormat(yuan, 'value', 'short', 'ko').label(181_530_000, true)).toBe('1.8억 위안');
    expect(valueFormat(yuan, 'value', 'short', 'ko').tooltip(181_530_000, 181_530_000)).toBe('1억8153만 위안');
    expect(valueFormat(yuan, 'value', 'percent', 'ko').tooltip(0.5, 100)).toBe('50% (100 위안)');
  });

  it('writes table cells in full in every format', () => {
    for (const name of ['short', 'full', 'percent'] as const) expect(valueFormat(yuan, 'value', name, 'en').cell(1_080_412_000)).toBe('1,080,412,000');
  });
});

describe('format: on a drawn chart', () => {
  const drawn = (format: string) => {
    const { spec, aggregate } = testChart(yaml('type: bar', 'aggregate: ranked-products', 'x: product', 'top: 2', `format: ${format}`, 'title: T', 'dek: D'));
    const svg = svgDocument(renderArtboard(spec, aggregate, DESKTOP).svg);
    return {
      labels: [...svg.querySelectorAll('.chart__value text')].map((text) => text.textContent),
      tooltips: [...svg.querySelectorAll('[data-text]')].map((mark) => mark.getAttribute('data-text')),
    };
  };

  it.each([
    ['short', ['1.1B yuan', '181.5M'], ['1.08 billion yuan', '181.53 million yuan']],
    ['full', ['1,080,412,000 yuan', '181,530,000'], ['1,080,412,000 yuan', '181,530,000 yuan']],
    ['percent', ['61%', '10.3%'], ['61% (1.08 billion yuan)', '10.3% (181.53 million yuan)']],
  ])('%s sets the value labels and the tooltips', (format, labels, tooltips) => {
    expect(drawn(format)).toEqual({ labels, tooltips });
  });
});
