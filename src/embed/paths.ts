// Where the embed artefacts of a chart live in the site, as site-relative paths; pages make
// them absolute with src/site/urls.ts.

import { DEFAULT_LANG, type Lang } from '../i18n/index.ts';

/** The parent script every embed snippet loads. */
export const EMBED_SCRIPT_PATH = 'embed.js';

export const embedPagePath = (chartId: string) => `embed/${chartId}/`;
/** The editors' index of a language's charts: embed/ for the default language, embed/<lang>/ beside its charts otherwise. */
export const embedIndexPath = (lang: Lang) => (lang === DEFAULT_LANG ? 'embed/' : `embed/${lang}/`);
export const embedPngPath = (chartId: string, width: number) => `embed/${chartId}/${width}.png`;
export const oembedPath = (chartId: string) => `embed/${chartId}/oembed.json`;
