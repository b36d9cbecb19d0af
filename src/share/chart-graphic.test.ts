import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { CHART_GRAPHIC_ZOOM, chartGraphic, renderChartGraphic, type ChartGraphicInput } from './chart-graphic.ts';
import { familyFor } from './fonts.ts';
import { textWidth } from './text-width.ts';

const ARTBOARD = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300" font-family="sans-serif"><rect width="640" height="300" fill="#ccc"/></svg>',
  width: 640,
  height: 300,
};

const ENGLISH: ChartGraphicInput = {
  lang: 'en',
  title: 'What China buys from North Korea',
  dek: 'The ten products China imported most from North Korea by value, January–October 2023. Minerals used to make chips & batteries are highlighted.',
  notes: 'Note: Minerals: ferrosilicon (HS 7202.21) and tungsten ores (HS 2611).',
  source: 'Source: China General Administration of Customs (GACC).',
  credit: 'Chart: Data desk',
  artboard: ARTBOARD,
};

const KOREAN: ChartGraphicInput = {
  lang: 'ko',
  title: '중국이 북한에서 사들이는 것',
  dek: '2023년 1~10월 중국의 대북 수입 상위 10개 품목(금액 기준). 반도체와 배터리에 쓰이는 광물은 강조 표시했다.',
  source: '자료: 중국 해관총서(GACC).',
  credit: '그래픽: 데이터팀',
  sample: '샘플 데이터',
  artboard: ARTBOARD,
};

const png = async (input: ChartGraphicInput) => decode(await renderChartGraphic(input));

/** The text lines of the composed SVG, with their font size and weight. */
function textLines(svg: string): { text: string; size: number; weight: 400 | 700 }[] {
  return [...svg.matchAll(/<text [^>]*font-size="([\d.]+)" font-weight="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    size: Number(m[1]),
    weight: Number(m[2]) as 400 | 700,
    text: m[3]!,
  }));
}

/** Pixels that are not the background's white in rows [top, bottom) of the picture. */
function inkIn(image: ReturnType<typeof decode>, top: number, bottom: number): number {
  let ink = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < image.width; x++) if (image.data[(y * image.width + x) * image.channels]! < 200) ink++;
  }
  return ink;
}

describe('the chart graphic', () => {
  it('is twice the artboard wide, and taller than the bare chart by its words', async () => {
    const image = await png(ENGLISH);
    expect(image.width).toBe(CHART_GRAPHIC_ZOOM * ARTBOARD.width);
    expect(image.height).toBeGreaterThan(CHART_GRAPHIC_ZOOM * ARTBOARD.height + 100);
    expect(image.height).toBe(CHART_GRAPHIC_ZOOM * chartGraphic(ENGLISH).height);
  });

  it('holds every word of the frame, escaped', () => {
    const { svg } = chartGraphic(ENGLISH);
    const text = textLines(svg)
      .map((line) => line.text)
      .join(' ');
    for (const words of [ENGLISH.title, ENGLISH.dek, ENGLISH.notes!, ENGLISH.source, ENGLISH.credit]) {
      expect(text).toContain(words.replace(/&/g, '&amp;'));
    }
    expect(svg).toContain('<rect width="640" height="300" fill="#ccc"/>');
  });

  it.each([
    ['English', ENGLISH],
    ['Korean', KOREAN],
  ])("wraps %s to the artboard width by the fonts' widths", (_lang, input) => {
    const narrow = { ...input, artboard: { ...ARTBOARD, width: 320 } };
    const lines = textLines(chartGraphic(narrow).svg);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const width = textWidth(line.text.replace(/&amp;/g, '&'), { family: familyFor(input.lang), weight: line.weight, size: line.size });
      expect(width).toBeLessThanOrEqual(320);
    }
  });

  it('shows the sample-data label only when it is given', () => {
    expect(chartGraphic(ENGLISH).svg).not.toMatch(/SAMPLE DATA/i);
    expect(chartGraphic({ ...ENGLISH, sample: 'Sample data' }).svg).toContain('>SAMPLE DATA</text>');
    expect(chartGraphic(KOREAN).svg).toContain('>샘플 데이터</text>');
    expect(chartGraphic(ENGLISH).height).toBeLessThan(chartGraphic({ ...ENGLISH, sample: 'Sample data' }).height);
  });

  it('sets a Korean chart in the Korean font', () => {
    expect(chartGraphic(KOREAN).svg).toMatch(/^<svg [^>]*font-family="NanumGothic"/);
  });

  // A glyph missing from every font is drawn as the same box, so two Hangul titles of one
  // length would give the same title pixels.
  it('draws a Hangul-only title in real glyphs, not empty boxes', async () => {
    const titleRows = async (title: string) => {
      const input = { ...KOREAN, title };
      const { size } = textLines(chartGraphic(input).svg)[0]!;
      const image = await png(input);
      const bottom = Math.ceil((12 + size * 1.25) * CHART_GRAPHIC_ZOOM);
      return { ink: inkIn(image, 0, bottom), pixels: Buffer.from(image.data.subarray(0, bottom * image.width * image.channels)) };
    };
    const north = await titleRows('북한 무역');
    const china = await titleRows('중국 수입');
    expect(north.ink).toBeGreaterThan(500);
    expect(north.pixels.equals(china.pixels)).toBe(false);
  });

  it('is the same bytes on every run', async () => {
    expect((await renderChartGraphic(KOREAN)).equals(await renderChartGraphic(KOREAN))).toBe(true);
  });
});
