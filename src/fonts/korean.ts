// The Korean web font: Pretendard, regular and bold. The build cuts each Korean page's own
// subset from the TrueType files (src/build/korean-fonts.ts); the dev server, which cuts
// nothing, serves the whole WOFF2 files (Preloads.astro).
import { createRequire } from 'node:module';

/** The family fonts-sans.css names first on Korean pages. */
export const KOREAN_FAMILY = 'Pretendard';

const require = createRequire(import.meta.url);
const file = (path: string) => require.resolve(`pretendard/dist/${path}`);

export const KOREAN_WEIGHTS = [
  { weight: 400, truetype: () => file('public/static/alternative/Pretendard-Regular.ttf'), woff2: () => file('web/static/woff2/Pretendard-Regular.woff2') },
  { weight: 700, truetype: () => file('public/static/alternative/Pretendard-Bold.ttf'), woff2: () => file('web/static/woff2/Pretendard-Bold.woff2') },
] as const;
