// SVG → PNG with bundled fonts only, so the image is the same on every machine and text
// never silently disappears (resvg draws nothing from WOFF files or missing fonts).
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

export const PNG_FONT_FAMILY = 'Source Sans 3';

// Latin first; resvg takes any glyph Source Sans lacks (Chinese product names from GACC)
// from Noto Sans SC. Its files are 10 MB each but never ship: resvg reads them at build
// time, about 40 ms a picture, so they are not subset.
const FONT_FILES = [
  require.resolve('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf'),
  require.resolve('@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
];

export interface PngOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. */
  width: number;
  /** Extra font files (TTF/OTF), e.g. for CJK text. */
  fontFiles?: string[];
}

export function svgToPng(svg: string, options: PngOptions): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: options.width },
    font: {
      fontFiles: [...FONT_FILES, ...(options.fontFiles ?? [])],
      loadSystemFonts: false,
      defaultFontFamily: PNG_FONT_FAMILY,
      sansSerifFamily: PNG_FONT_FAMILY,
    },
  });
  return Buffer.from(resvg.render().asPng());
}
