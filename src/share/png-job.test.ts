import { describe, expect, it } from 'vitest';
import { BUNDLED_FONTS, KOREAN_FONT_FAMILY } from './fonts.ts';
import { renderPng } from './png.ts';
import { fontsFor, pngJob } from './png-job.ts';

const ALL_FONTS = BUNDLED_FONTS.map((font) => font.file);
const file = (family: string, weight: number) => BUNDLED_FONTS.find((f) => f.family === family && f.weight === weight)!.file;

const svg = (body: string, rootFamily = 'Source Sans 3') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" font-family="${rootFamily}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
const text = (words: string, attributes = '') => `<text x="4" y="40" font-size="24"${attributes}>${words}</text>`;

describe('fontsFor', () => {
  it('gives Latin text the Latin family alone', () => {
    expect(fontsFor(svg(text('Wigs &amp; false eyelashes') + text('Bold', ' font-weight="700"')))).toEqual([
      file('Source Sans 3', 400),
      file('Source Sans 3', 700),
    ]);
  });

  it('adds the first font that has a character the Latin one lacks, and every weight of a family the SVG names', () => {
    expect(fontsFor(svg(text('硅铁 &#xBD81;한')))).toEqual([
      file('Source Sans 3', 400),
      file('Source Sans 3', 700),
      file('Noto Sans SC', 400),
      file(KOREAN_FONT_FAMILY, 400),
    ]);
    expect(fontsFor(svg(text('북한', ' font-weight="700"'), KOREAN_FONT_FAMILY))).toEqual([
      file('Source Sans 3', 400),
      file('Source Sans 3', 700),
      file(KOREAN_FONT_FAMILY, 400),
      file(KOREAN_FONT_FAMILY, 700),
    ]);
  });

  // The point of choosing: fewer files to read, never a different picture.
  it.each([
    ['Latin', svg(text('Ferrosilicon (HS 7202.21), AVAWAY'))],
    ['Latin with Chinese, bold', svg(text('Ferrosilicon 硅铁 and 钨矿', ' font-weight="700"'))],
    ['Latin with Hangul and Chinese', svg(text('Source: 중국 해관총서 硅铁'))],
    ['a bold Korean headline with Chinese', svg(text('중국의 대북 수입 硅铁', ' font-weight="700"'), KOREAN_FONT_FAMILY)],
  ])('draws %s to the same bytes as with every bundled font', async (_case, picture) => {
    expect((await renderPng(pngJob(picture, 2))).equals(await renderPng({ svg: picture, zoom: 2, fonts: ALL_FONTS }))).toBe(true);
  });
});
