// The fonts every picture is drawn and measured with. They are bundled, so a PNG is the same
// on every machine and text never silently disappears (resvg draws nothing from WOFF files
// or missing fonts).
import type { Lang } from '../format/index.ts';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const PNG_FONT_FAMILY = 'Source Sans 3';
/**
 * For text that is mostly Korean. resvg takes a missing glyph from another font in regular
 * weight only, so a bold Korean headline must ask for the Korean font by name.
 */
export const KOREAN_FONT_FAMILY = 'NanumGothic';

/** The family a language's own words are set in. */
export function familyFor(lang: Lang): string {
  return lang === 'ko' ? KOREAN_FONT_FAMILY : PNG_FONT_FAMILY;
}

export type FontWeight = 400 | 700;

export interface BundledFont {
  family: string;
  weight: FontWeight;
  file: string;
  /** The characters of the font's cut for pictures (src/share/png-fonts.ts); none for a font always drawn from its whole file. */
  pictureCut?: string;
}

const font = (family: string, weight: FontWeight, file: string, pictureCut?: string): BundledFont => ({
  family,
  weight,
  file: require.resolve(file),
  ...(pictureCut === undefined ? {} : { pictureCut }),
});

/** Every character from the first to the last of each range. */
function characters(...ranges: readonly (readonly [number, number])[]): string {
  return ranges.map(([first, last]) => String.fromCodePoint(...Array.from({ length: last - first + 1 }, (_, k) => first + k))).join('');
}

/**
 * What Latin text in a picture draws: ASCII and Latin-1 (accented letters, the no-break
 * space, ×), punctuation and spaces (dashes, thin spaces), currency signs, arrows and the
 * minus sign. A picture with another character of the font draws from the whole file.
 */
const LATIN_TEXT = characters([0x20, 0x7e], [0xa0, 0xff], [0x2000, 0x206f], [0x20a0, 0x20cf], [0x2190, 0x21ff], [0x2212, 0x2212]);

/**
 * In the order resvg falls back through: a glyph the asked-for font lacks comes from the
 * first font here that has it. Latin first; Chinese (GACC's product names) from Noto Sans SC,
 * Korean from Nanum Gothic, which Noto Sans SC lacks. The CJK files are large but never ship:
 * they are read at build time, so they are not subset.
 */
export const BUNDLED_FONTS: readonly BundledFont[] = [
  font(PNG_FONT_FAMILY, 400, '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf', LATIN_TEXT),
  font(PNG_FONT_FAMILY, 700, '@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf', LATIN_TEXT),
  font('Noto Sans SC', 400, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  font('Noto Sans SC', 700, '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  font(KOREAN_FONT_FAMILY, 400, '@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf'),
  font(KOREAN_FONT_FAMILY, 700, '@expo-google-fonts/nanum-gothic/700Bold/NanumGothic_700Bold.ttf'),
];
