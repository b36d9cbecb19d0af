import { describe, expect, it } from 'vitest';
import { topImports } from '../../src/charts/fixtures.ts';
import { charts } from '../../src/charts/index.ts';
import { fallbackHeight } from '../../src/embed/height.ts';

describe('the fallback height of an iframe', () => {
  const height = fallbackHeight(charts.get('top-imports-2023')!, topImports());

  it('is, as an attribute, enough for every width an iframe may have', () => {
    for (let width = 280; width <= 1400; width += 10) expect(height.attribute).toBeGreaterThanOrEqual(height.at(width));
  });

  it('is, as CSS, one capped term per artboard in viewport units', () => {
    expect(height.css).toMatch(/^max\(min\(\d+px \+ \(100vw - 24px\) \* [\d.]+, \d+px\), min\(.+\), min\(.+\)\)$/);
    expect(height.css).toContain(`${height.attribute}px`);
  });
});
