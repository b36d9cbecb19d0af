// Pages drawn before the browser is told to reload. The reload gate renders every page a
// browser has open, and reloads only if they all render; each browser's reload then gets the
// page already drawn instead of waiting while it is drawn again. A drawn page is served once,
// within a few seconds, and forgotten at the next change to any file, so it is never stale.
import type { IncomingMessage } from 'node:http';
import type { ViteDevServer } from 'vite';

/** Marks the gate's own requests, which Astro answers as it would any other. */
const PRERENDER_HEADER = 'x-customs-story-prerender';
/** A page drawn for a reload that has not come by then is drawn afresh. */
const KEEP_MS = 5_000;
/** Pages opened most recently; older ones are drawn when asked for, as usual. */
const MAX_OPEN = 8;

export class PrerenderedPages {
  private readonly vite: ViteDevServer;
  private readonly open: string[] = [];
  private readonly drawn = new Map<string, { html: string; until: number }>();

  constructor(vite: ViteDevServer) {
    this.vite = vite;
    vite.watcher.on('all', () => this.drawn.clear());
    vite.middlewares.use((request, response, next) => {
      const page = this.take(request);
      if (page === undefined) return next();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(page);
    });
  }

  /** A browser shows the page at `path` (its address without the origin). */
  opened(path: string): void {
    const known = this.open.indexOf(path);
    if (known >= 0) this.open.splice(known, 1);
    this.open.unshift(path);
    this.open.length = Math.min(this.open.length, MAX_OPEN);
  }

  /** Renders every open page and keeps them for the reload; false if one did not render. */
  async renderOpen(): Promise<boolean> {
    const origin = this.vite.resolvedUrls?.local[0];
    if (origin === undefined) return false;
    const pages = await Promise.all(
      this.open.map(async (path) => {
        const response = await fetch(new URL(path, origin), { headers: { [PRERENDER_HEADER]: '1' } });
        return { path, html: response.status === 200 ? await response.text() : undefined };
      }),
    );
    this.drawn.clear();
    if (pages.some((page) => page.html === undefined)) return false;
    const until = Date.now() + KEEP_MS;
    for (const { path, html } of pages) this.drawn.set(path, { html: html!, until });
    return true;
  }

  /** The page drawn for a browser's reload of it, if there is one. */
  private take(request: IncomingMessage): string | undefined {
    // Only a browser loading a page (an embed in an iframe too), never a script's fetch.
    const loadsPage = request.headers['sec-fetch-dest'] === 'document' || request.headers['sec-fetch-dest'] === 'iframe';
    if (request.method !== 'GET' || request.headers[PRERENDER_HEADER] || !loadsPage || !request.url) return undefined;
    const page = this.drawn.get(request.url);
    this.drawn.delete(request.url);
    return page && page.until >= Date.now() ? page.html : undefined;
  }
}
