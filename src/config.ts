// The project's paths, names and defaults, in one place. Every command runs from the project
// root, so paths are relative to it; tests and fixture projects point the site at their own
// folders through the environment variables named here.

/** Where the project keeps what, relative to its root. */
export const PATHS = {
  raw: 'data/raw',
  reference: 'data/reference',
  declarations: 'data/aggregates.yaml',
  /** The data step's outputs, which the site reads; DATA_BUILD_DIR overrides it. */
  build: process.env.DATA_BUILD_DIR || 'data/build',
  /** Stories; STORIES_DIR overrides it. */
  stories: process.env.STORIES_DIR || 'content/stories',
  /** Chart definitions placed with ::chart{#id}; CHARTS_DIR overrides it. */
  charts: process.env.CHARTS_DIR || 'content/charts',
  dist: 'dist',
  /** The build's content-addressed cache of drawn charts and images (src/site/cache.ts); CACHE_DIR overrides it. */
  cache: process.env.CACHE_DIR || 'node_modules/.cache/customs-story',
} as const;

/** The site's name in its header, share cards and oEmbed answers. */
export const SITE_NAME = { en: 'Trade stories', ko: '무역 이야기' } as const;

/** Who a chart is credited to when its definition names nobody. */
export const DEFAULT_CREDIT = { en: 'Chart: Data desk', ko: '그래픽: 데이터팀' } as const;

/** Who published the figures, when a chart names no other source. */
export const DEFAULT_SOURCE = {
  en: 'China General Administration of Customs (GACC)',
  ko: '중국 해관총서(GACC)',
} as const;
