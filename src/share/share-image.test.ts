import { describe, expect, it } from 'vitest';
import { KOREAN_FONT_FAMILY } from './fonts.ts';
import { renderShareImage, SHARE_IMAGE, shareImageSvg, type ShareImageInput } from './share-image.ts';
import { textWidth } from './text-width.ts';

const CHART = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300"><rect width="640" height="300" fill="#ccc"/></svg>';
const KOREAN_HEADLINE = '중국의 대북 수입에서 광물이 상위 10개 품목 중 5개를 차지했다: 페로실리콘과 텅스텐 광석이 선두';
const card = (input: Partial<ShareImageInput>): ShareImageInput => ({ headline: 'A headline', lang: 'en', chartSvg: CHART, synthetic: false, ...input });

describe("the share image's headline", () => {
  it("wraps a Korean headline inside the card, in at most three lines, by the bold Korean font's widths", () => {
    const svg = shareImageSvg(card({ headline: KOREAN_HEADLINE, lang: 'ko' }));
    const lines = [...svg.matchAll(/<text[^>]*font-size="46"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) expect(textWidth(line, { family: KOREAN_FONT_FAMILY, weight: 700, size: 46 })).toBeLessThanOrEqual(SHARE_IMAGE.width - 2 * 56);
    expect(lines.join(' ')).toBe(KOREAN_HEADLINE);
  });
});

describe('the share image', () => {
  it('is 1200×630', async () => {
    const png = await renderShareImage(card({}));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SHARE_IMAGE.width, SHARE_IMAGE.height]);
  });

  it("sets a Korean story's headline in the bold Korean font and its own words in Korean", async () => {
    const korean = await renderShareImage(card({ headline: KOREAN_HEADLINE, lang: 'ko' }));
    // Without the Korean font named, resvg would borrow regular-weight glyphs.
    expect(korean.equals(await renderShareImage(card({ headline: KOREAN_HEADLINE, lang: 'en' })))).toBe(false);
    const svg = shareImageSvg(card({ headline: KOREAN_HEADLINE, lang: 'ko', synthetic: true }));
    expect(svg).toContain('출처: 중국 해관총서(GACC)');
    expect(svg).toContain('샘플 데이터');
  });
});
