import { describe, expect, it } from 'vitest';
import { renderShareImage, SHARE_IMAGE, shareImageSvg, textEms, wrap, type ShareImageInput } from './share-image.ts';

const CHART = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300"><rect width="640" height="300" fill="#ccc"/></svg>';
const KOREAN_HEADLINE = '중국의 대북 수입에서 광물이 상위 10개 품목 중 5개를 차지했다: 페로실리콘과 텅스텐 광석이 선두';
const card = (input: Partial<ShareImageInput>): ShareImageInput => ({ headline: 'A headline', lang: 'en', chartSvg: CHART, synthetic: false, ...input });

describe('wrap', () => {
  it('counts Hangul as a full em, so a Korean headline wraps inside the card', () => {
    const maxEms = 24;
    const lines = wrap(KOREAN_HEADLINE, maxEms, 3);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textEms(line)).toBeLessThanOrEqual(maxEms);
    expect(lines.join(' ')).toBe(KOREAN_HEADLINE);
  });

  it('cuts after the last line with an ellipsis', () => {
    expect(wrap('one two three four five six', 4, 2)).toEqual(['one two', 'three…']);
  });
});

describe('the share image', () => {
  it('is 1200×630', () => {
    const png = renderShareImage(card({}));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SHARE_IMAGE.width, SHARE_IMAGE.height]);
  });

  it('sets a Korean story\'s headline in the bold Korean font and its own words in Korean', () => {
    const korean = renderShareImage(card({ headline: KOREAN_HEADLINE, lang: 'ko' }));
    // Without the Korean font named, resvg would borrow regular-weight glyphs.
    expect(korean.equals(renderShareImage(card({ headline: KOREAN_HEADLINE, lang: 'en' })))).toBe(false);
    const svg = shareImageSvg(card({ headline: KOREAN_HEADLINE, lang: 'ko', synthetic: true }));
    expect(svg).toContain('자료: 중국 해관총서(GACC)');
    expect(svg).toContain('샘플 데이터');
  });
});
