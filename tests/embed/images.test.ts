import { describe, expect, it } from 'vitest';
import { topImports } from '../../src/charts/fixtures.ts';
import { charts } from '../../src/charts/index.ts';
import { PHONE } from '../../src/charts/layouts.ts';
import { chartPng } from '../../src/embed/images.ts';

const spec = charts.get('top-imports-2023')!;

/** The chart with its second bar labelled as GACC names the product in Chinese. */
function pngWithLabel(label: string): Buffer {
  const aggregate = topImports();
  aggregate.rows[1]!.product_label = label;
  return chartPng(spec, aggregate, PHONE);
}

describe('the PNG fallback', () => {
  // Without a font for them, every Chinese character is drawn as the same empty box, so two
  // labels of equal length would give identical pictures.
  it('draws Chinese product names with the bundled CJK font', () => {
    expect(pngWithLabel('硅铁').equals(pngWithLabel('钨矿'))).toBe(false);
  });

  it('is the same bytes on every run', () => {
    expect(pngWithLabel('硅铁').equals(pngWithLabel('硅铁'))).toBe(true);
  });
});
