import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./chart.css', import.meta.url), 'utf8');
const DARK = '@media screen and (prefers-color-scheme: dark)';

function palette(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--chart-([a-z0-9-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const schemes = {
  light: palette(css.slice(0, css.indexOf(DARK))),
  dark: palette(css.slice(css.indexOf(DARK))),
};

/** [foreground, background, minimum]: text needs 4.5:1, bars, lines and focus rings 3:1. */
const PAIRS: [string, string, number][] = [
  ['text', 'background', 4.5],
  ['muted', 'background', 4.5],
  ['highlight', 'background', 4.5],
  ['series-1', 'background', 4.5],
  ['series-2', 'background', 4.5],
  ['series-3', 'background', 4.5],
  ['link', 'background', 4.5],
  ['sample', 'sample-background', 4.5],
  ['tooltip-text', 'tooltip-background', 4.5],
  ['bar', 'background', 3],
  ['focus', 'background', 3],
];

describe('chart.css', () => {
  describe.each(Object.entries(schemes))('%s colours', (_, colours) => {
    it.each(PAIRS)('%s on %s reaches %s:1', (foreground, background, minimum) => {
      expect(contrast(colours.get(foreground)!, colours.get(background)!)).toBeGreaterThanOrEqual(minimum);
    });
  });

  it('defines every colour in both schemes', () => {
    expect([...schemes.dark.keys()].sort()).toEqual([...schemes.light.keys()].sort());
  });

  it('switches artboards by the width of the chart, not of the window', () => {
    expect(css).toContain('container-type: inline-size');
    expect(css).toMatch(
      /@container \(min-width: 520px\) \{\s*\.chart__artboard--phone \{ display: none; \}\s*\.chart__artboard--desktop \{ display: block; \}/,
    );
    expect(css).toMatch(/@container \(min-width: 880px\)/);
    expect(css).not.toMatch(/@media[^{]*width/);
  });

  it('prints the desktop artboard and the table, without controls', () => {
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toContain('.chart .chart__artboard--desktop { display: block; }');
    expect(print).toContain('.chart__download, .chart__data summary, .chart__tooltip { display: none; }');
    expect(print).toContain('::details-content');
  });
});
