// The test "CMS": article pages on another origin that embed every chart the ways a
// newsroom would: our snippet as pasted (iframe plus embed.js), the real pym.js parent, or
// the snippet with its script stripped, as some CMSs do.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Routes } from './server.ts';

const require = createRequire(import.meta.url);

export interface EmbedCode {
  id: string;
  /** The embed page's absolute URL. */
  url: string;
  /** The snippet editors copy, as the build's oEmbed file gives it. */
  snippet: string;
}

/** The column the charts sit in: 16px margins, so an iframe is the page width less 32px. */
export const PAGE_MARGIN = 16;

/** /columns.html puts each chart, its script stripped, in a column of each of these widths, in a window wider than all. */
export const COLUMN_WIDTHS = [260, 300, 360, 420, 480, 540, 600, 680, 760, 880, 1000];

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title}</title><link rel="icon" href="data:,"><style>body { margin: 0; padding: 0 ${PAGE_MARGIN}px; font: 18px/1.5 Georgia, serif; }</style></head>` +
    `<body><h1>${title}</h1>${body}</body></html>`
  );
}

const paragraph = '<p>Reporting that surrounds the chart in the article.</p>';
const withoutScript = (snippet: string) => snippet.replace(/<script\b[^>]*><\/script>/g, '');

/**
 * The pages, by path: /ours.html (snippets pasted as they are, so embed.js loads once per
 * chart, plus an unmarked frame of the site that is not ours), /pym.html, /none.html,
 * /columns.html and /blank.html (a page of this origin to navigate a frame to).
 */
export function cmsRoutes(embeds: EmbedCode[], siteOrigin: string): Routes {
  const pages: Record<string, string> = {
    '/ours.html': page(
      'With embed.js',
      embeds.map((e) => paragraph + e.snippet).join('') + `${paragraph}<iframe id="not-ours" src="${siteOrigin}/" title="Not an embed"></iframe>`,
    ),
    '/pym.html': page(
      'With pym.js',
      embeds.map((e) => `${paragraph}<div id="pym-${e.id}"></div>`).join('') +
        '<script src="/pym.v1.min.js"></script><script>' +
        embeds.map((e) => `new pym.Parent(${JSON.stringify(`pym-${e.id}`)}, ${JSON.stringify(e.url)}, {});`).join('') +
        '</script>',
    ),
    '/none.html': page('Without any script', embeds.map((e) => paragraph + withoutScript(e.snippet)).join('')),
    '/columns.html': page(
      'Columns of every width, without any script',
      embeds
        .flatMap((e) => COLUMN_WIDTHS.map((width) => `<div class="column" style="width:${width}px">${paragraph}${withoutScript(e.snippet)}</div>`))
        .join(''),
    ),
    '/blank.html': page('Another page of the CMS', ''),
  };
  return async (path) => {
    if (path === '/pym.v1.min.js') return { body: await readFile(require.resolve('pym.js/dist/pym.v1.min.js')), type: 'text/javascript' };
    const html = pages[path];
    return html === undefined ? undefined : { body: html, type: 'text/html; charset=utf-8' };
  };
}
