import { describe, expect, it } from 'vitest';
import { resolveStyles, themeColors } from './standalone.ts';

const light = themeColors('light');
const resolve = (svg: string) => resolveStyles(svg, light, 640, 120);

describe('resolveStyles', () => {
  it('sizes the root, and puts the theme background behind everything', () => {
    expect(resolve('<svg viewBox="0 0 640 120" width="100%" fill="currentColor"><g/></svg>')).toBe(
      `<svg viewBox="0 0 640 120" width="640" fill="${light['--chart-text']}" xmlns="http://www.w3.org/2000/svg" height="120">` +
        `<rect width="100%" height="100%" fill="${light['--chart-background']}"/><g fill="${light['--chart-text']}"/></svg>`,
    );
  });

  it("turns a class's colour into the currentColor of the element and of the children that inherit it", () => {
    const svg = resolve('<svg fill="currentColor"><g class="chart__bar"><rect width="1"/><rect fill="none"/></g><rect/></svg>');
    const bar = light['--chart-bar']!;
    expect(svg).toContain(`<g class="chart__bar" fill="${bar}"><rect width="1" fill="${bar}"/><rect fill="none"/></g><rect fill="${light['--chart-text']}"/>`);
  });

  it('takes the colour a color attribute gives, then drops the attribute', () => {
    const svg = resolve('<svg><g color="#123456" stroke="currentColor"><path d="M0 0"/></g></svg>');
    expect(svg).toContain('<g stroke="#123456"><path d="M0 0" stroke="#123456"/></g>');
  });

  it("sets a class's other declarations as presentation attributes", () => {
    expect(resolve('<svg><g class="chart__grid" stroke="currentColor"/></svg>')).toContain(
      `<g class="chart__grid" stroke="${light['--chart-grid']}" stroke-opacity="1"/>`,
    );
  });

  it('keeps text and escaped attribute values as they were', () => {
    const text = '<text data-label="A &lt;b&gt; &amp; &quot;c&quot;">Iron &amp; steel &lt;3</text>';
    expect(resolve(`<svg>${text}</svg>`)).toContain(text);
  });

  it('follows a dark theme', () => {
    const dark = themeColors('dark');
    expect(dark['--chart-background']).not.toBe(light['--chart-background']);
    expect(resolveStyles('<svg/>', dark, 10, 10)).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="100%" height="100%" fill="${dark['--chart-background']}"/></svg>`,
    );
  });
});
