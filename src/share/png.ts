// SVG → PNG with bundled fonts only, so the image is the same on every machine and text
// never silently disappears (resvg draws nothing from WOFF files or missing fonts).
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

export const PNG_FONT_FAMILY = 'Source Sans 3';
/**
 * For text that is mostly Korean. resvg takes a missing glyph from another font in regular
 * weight only, so a bold Korean headline must ask for the Korean font by name.
 */
export const KOREAN_FONT_FAMILY = 'NanumGothic';

// Latin first; resvg takes any glyph Source Sans lacks from a font that has it: Chinese
// (GACC's product names) from Noto Sans SC, Korean (a Korean story's headline) from Nanum
// Gothic, which Noto Sans SC lacks. The CJK files are large but never ship: resvg reads
// them at build time, about 40 ms a picture, so they are not subset.
const FONT_FILES = [
  require.resolve('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf'),
  require.resolve('@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  require.resolve('@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf'),
  require.resolve('@expo-google-fonts/nanum-gothic/700Bold/NanumGothic_700Bold.ttf'),
];

export interface PngOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. */
  width: number;
}

export function svgToPng(svg: string, options: PngOptions): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: options.width },
    font: {
      fontFiles: FONT_FILES,
      loadSystemFonts: false,
      defaultFontFamily: PNG_FONT_FAMILY,
      sansSerifFamily: PNG_FONT_FAMILY,
    },
  });
  return Buffer.from(resvg.render().asPng());
}
