import { describe, expect, it } from 'vitest';
import { nestSvg } from './nest-svg.ts';

describe('nestSvg', () => {
  it('places the document in the box and keeps what its root says to the text inside', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300" font-size="13" text-anchor="middle" aria-label="a &gt; b"><text>x</text></svg>';
    expect(nestSvg(svg, { x: 10, y: 20, width: 320, height: 150 })).toBe(
      '<svg x="10" y="20" width="320" height="150" preserveAspectRatio="xMinYMin meet" viewBox="0 0 640 300"' +
        ' xmlns="http://www.w3.org/2000/svg" font-size="13" text-anchor="middle" aria-label="a &gt; b"><text>x</text></svg>',
    );
  });

  it('keeps a viewBox the document has', () => {
    const nested = nestSvg('<svg viewBox="0 0 10 5" width="100"><rect/></svg>', { x: 0, y: 0, width: 10, height: 5 });
    expect(nested).toBe('<svg x="0" y="0" width="10" height="5" preserveAspectRatio="xMinYMin meet" viewBox="0 0 10 5"><rect/></svg>');
  });

  it('refuses what is not an SVG', () => {
    expect(() => nestSvg('<html></html>', { x: 0, y: 0, width: 1, height: 1 })).toThrow(/not an SVG/);
  });
});
