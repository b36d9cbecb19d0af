import { describe, expect, it } from 'vitest';
import { rankedProducts, testChart, yaml } from '../../src/charts/fixtures.ts';
import { fallbackHeight } from '../../src/embed/height.ts';

const CHART = [
  'type: bar',
  'aggregate: ranked-products',
  'x: product',
  'top: 10',
  'title: What China buys from its neighbour',
  'dek: The ten products China imported most by value, with the minerals used to make chips and batteries highlighted.',
  'notes: A note long enough to wrap on a phone, as the notes under charts usually are.',
];

/** The CSS height for an iframe `width` pixels wide: its min(), max(), px and cqw worked out. */
function cssHeight(css: string, width: number): number {
  const expression = css.replaceAll('100cqw', `(${width})`).replaceAll('px', '');
  expect(expression).toMatch(/^[\d\s.+\-*(),minax]+$/);
  return new Function('min', 'max', `return ${expression};`)(Math.min, Math.max) as number;
}

describe('the fallback height of an iframe', () => {
  const aggregate = rankedProducts();
  const height = fallbackHeight(testChart(yaml(...CHART), 'en', { 'ranked-products': aggregate }).spec, aggregate);

  it('is, as an attribute, enough for every width an iframe may have', () => {
    for (let width = 280; width <= 1400; width += 10) expect(height.attribute).toBeGreaterThanOrEqual(height.at(width));
  });

  it('is, as CSS, written in the width of the iframe (container units), not of the window', () => {
    expect(height.css).toMatch(/^max\(min\(.+\)\)$/);
    expect(height.css).toContain('100cqw');
    expect(height.css).not.toContain('vw');
  });

  it('is, as CSS, never shorter than the estimate at any width, fractions at the artboard switches included', () => {
    const widths = [];
    for (let width = 280; width <= 1400; width += 1) widths.push(width);
    widths.push(543.5, 543.99, 544.01, 903.5, 903.99, 904.01);
    // at() rounds up to whole pixels; a CSS height may be a fraction.
    for (const width of widths) expect(cssHeight(height.css, width), `${width}px`).toBeGreaterThan(height.at(Math.floor(width)) - 1);
  });

  it('is, as CSS, close to the estimate: a phone-sized reserve in a desktop column would be hundreds of pixels too tall', () => {
    for (let width = 280; width <= 1400; width += 1) expect(cssHeight(height.css, width) - height.at(width), `${width}px`).toBeLessThan(45);
  });
});
