// Where the embed artefacts of a chart live in the site, as site-relative paths; pages make
// them absolute with src/site/urls.ts.

/** The parent script every embed snippet loads. */
export const EMBED_SCRIPT_PATH = 'embed.js';

export const embedPagePath = (chartId: string) => `embed/${chartId}/`;
export const embedPngPath = (chartId: string, width: number) => `embed/${chartId}/${width}.png`;
export const oembedPath = (chartId: string) => `embed/${chartId}/oembed.json`;
