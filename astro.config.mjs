// The site's address and base path live here and nowhere else: canonical links, social
// tags and embed URLs are all made absolute from them. Override per deployment with
// SITE_URL and BASE_PATH, e.g. BASE_PATH=/interactive/china-north-korea/.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://graphics.example.org',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'ignore',
  // Pages are rendered a few at a time, so the main thread goes on with the next pages while
  // the PNG pool draws a picture (src/share/png-pool.ts). The stylesheets (4 KB gzipped)
  // are written into each page: on a slow phone a first visit paints without waiting for
  // them, and the preloaded fonts, cut to the site's characters, still come in time.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // The content collection also renders each story with Astro's own Markdown pipeline, which
  // no page shows (src/story/render.ts renders the article): leave out its highlighting.
  markdown: { syntaxHighlight: false },
});
