import { describe, expect, it } from 'vitest';
import { PNG_FONT_FAMILY } from './fonts.ts';
import { renderPng } from './png.ts';
import { pngJob } from './png-job.ts';

/** One line of text as a PNG, in the family every picture asks for. */
function line(text: string, weight = 400, zoom = 1): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60" font-family="${PNG_FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="#fff"/><text x="10" y="40" font-size="30" font-weight="${weight}">${text}</text></svg>`;
  return renderPng(pngJob(svg, zoom));
}

// A character no bundled font has is drawn as the same empty box, so two texts of equal
// length in that script would give identical pictures.
describe('renderPng', () => {
  it.each([
    ['Chinese', '硅铁', '钨矿'],
    ["Korean (a Korean story's headline)", '북한', '중국'],
    ['Korean next to Chinese on one line', '북한 硅铁', '중국 钨矿'],
  ])('draws %s with the bundled fonts, in regular and bold text', async (_script, a, b) => {
    expect((await line(a)).equals(await line(b))).toBe(false);
    expect((await line(a, 700)).equals(await line(b, 700))).toBe(false);
  });

  it('draws zoom pixels per SVG unit', async () => {
    const png = await line('Zoomed', 400, 2);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 120]);
  });
});
