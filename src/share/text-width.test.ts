import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { KOREAN_FONT_FAMILY, PNG_FONT_FAMILY } from './fonts.ts';
import { renderPng } from './png.ts';
import { pngJob } from './png-job.ts';
import { textWidth, type TextStyle } from './text-width.ts';

const SIZE = 40;

/** The right edge of the ink resvg draws for the text set at x = 0, in SVG units. */
async function inkRight(text: string, style: TextStyle): Promise<number> {
  const width = Math.ceil(textWidth(text, style) * 1.5) + 40;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="80">` +
    `<rect width="100%" height="100%" fill="#fff"/><text x="0" y="55" font-family="${style.family}" font-size="${style.size}" font-weight="${style.weight}">${text}</text></svg>`;
  const image = decode(await renderPng(pngJob(svg, 1)));
  let right = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * image.channels;
      if (image.data[i]! < 128) right = Math.max(right, x + 1);
    }
  }
  return right;
}

// The measure is only useful if it is the width resvg draws: a line measured to fit must
// not spill past it, nor be measured so generously that lines wrap early.
describe('textWidth', () => {
  it.each<[string, string, TextStyle]>([
    ['Latin, bold', 'Wigs and false eyelashes, AVAWAY', { family: PNG_FONT_FAMILY, weight: 700, size: SIZE }],
    ['Latin, regular', 'Molybdenum ores (HS 2613.90)', { family: PNG_FONT_FAMILY, weight: 400, size: SIZE }],
    ['Hangul in the Korean font', '중국의 대북 수입 페로실리콘', { family: KOREAN_FONT_FAMILY, weight: 700, size: SIZE }],
    ['Chinese falling back from the Latin font', 'Ferrosilicon 硅铁 and tungsten 钨矿', { family: PNG_FONT_FAMILY, weight: 400, size: SIZE }],
    ['Hangul falling back from the Latin font', 'Source: 중국 해관총서', { family: PNG_FONT_FAMILY, weight: 400, size: SIZE }],
    ['Hangul and Chinese, each from its own font', 'Wolfram 중국 텅스텐 钨矿 ore', { family: PNG_FONT_FAMILY, weight: 700, size: SIZE }],
  ])('measures %s as resvg draws it', async (_case, text, style) => {
    const measured = textWidth(text, style);
    const ink = await inkRight(text, style);
    expect(ink).toBeLessThanOrEqual(measured + 2);
    expect(ink).toBeGreaterThan(measured - SIZE * 0.2);
  });

  it('scales with the font size', () => {
    const style: TextStyle = { family: PNG_FONT_FAMILY, weight: 400, size: 10 };
    expect(textWidth('Graphite', { ...style, size: 20 })).toBeCloseTo(2 * textWidth('Graphite', style), 6);
  });
});
