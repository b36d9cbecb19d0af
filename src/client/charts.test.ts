// The browser script against server-rendered charts in a linkedom document. linkedom has no
// layout, so element boxes are stubbed; pointer behaviour needs a real browser.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderChartFigure } from '../charts/index.ts';
import { rankedProducts, testChart, yaml } from '../charts/fixtures.ts';

const aggregate = rankedProducts();
aggregate.names!.product!.tungsten!.en = '<img src=x onerror=alert(1)>';
const { spec } = testChart(
  yaml('type: bar', 'aggregate: ranked-products', 'x: product', 'top: 10', 'title: What is bought', 'dek: The ten largest imports.'),
  'en',
  { 'ranked-products': aggregate },
);
const figure = renderChartFigure(spec, aggregate, { csvHref: 'x.csv' });
const { window, document } = parseHTML(`<!doctype html><html><body>${figure}</body></html>`);

function key(target: EventTarget, name: string): void {
  const event = new window.Event('keydown', { bubbles: true });
  Object.defineProperty(event, 'key', { value: name });
  target.dispatchEvent(event);
}

let init: () => void;

beforeAll(async () => {
  const box = { left: 0, top: 0, right: 10, bottom: 10, width: 10, height: 10 };
  window.Element.prototype.getBoundingClientRect = () => box as DOMRect;
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  ({ init } = await import('./charts.ts'));
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('chart tooltips', () => {
  const desktop = () => document.querySelector('.chart__artboard--desktop')!;
  const tooltip = () => document.querySelector('.chart__tooltip') as HTMLElement;
  const status = () => document.querySelector('.chart [role="status"]')!;

  it('makes every artboard with data reachable by keyboard', () => {
    for (const artboard of document.querySelectorAll('.chart__artboard')) {
      expect(artboard.getAttribute('tabindex')).toBe('0');
      expect(artboard.getAttribute('role')).toBe('group');
      expect(artboard.getAttribute('aria-label')).toMatch(/arrow keys/);
    }
  });

  it('adds one hidden tooltip per chart, once', () => {
    init();
    expect(document.querySelectorAll('.chart__tooltip')).toHaveLength(1);
    expect(tooltip().hidden).toBe(true);
    expect(tooltip().getAttribute('aria-hidden')).toBe('true');
  });

  it('steps through the marks with the arrow keys and announces each value', () => {
    key(desktop(), 'ArrowDown');
    expect(status().textContent).toBe('Ferrosilicon: 181.53 million yuan');
    expect(tooltip().hidden).toBe(false);
    expect(tooltip().textContent).toBe('Ferrosilicon181.53 million yuan');
    expect(desktop().querySelector('.is-active')!.getAttribute('data-label')).toBe('Ferrosilicon');
    key(desktop(), 'End');
    expect(status().textContent).toBe('Watch movements: 17.3 million yuan');
    key(desktop(), 'ArrowRight');
    expect(status().textContent).toBe('Watch movements: 17.3 million yuan');
    key(desktop(), 'Home');
    expect(status().textContent).toBe('Wigs and false eyelashes: 1.08 billion yuan');
  });

  it('writes labels from data as text, never as markup', () => {
    key(desktop(), 'ArrowDown');
    key(desktop(), 'ArrowDown');
    expect(tooltip().textContent).toContain('<img src=x onerror=alert(1)>');
    expect(tooltip().querySelector('img')).toBeNull();
  });

  it('hides the tooltip on Escape', () => {
    key(document, 'Escape');
    expect(tooltip().hidden).toBe(true);
    expect(document.querySelector('.is-active')).toBeNull();
  });
});

describe('the script', () => {
  it('stays well under 5 KB minified and gzipped', async () => {
    const result = await build({
      entryPoints: [new URL('./charts.ts', import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
    });
    expect(gzipSync(result.outputFiles[0]!.contents).length).toBeLessThan(2500);
  });
});
