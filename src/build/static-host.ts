// Serves a build folder on loopback the way a static host does: index.html for a folder,
// the file's type, and the headers its `_headers` file gives each path, read with Netlify's
// own parser and joined as Netlify and Cloudflare Pages join them (the values of every
// matching rule, comma-separated), text gzipped. For tests and benchmarks of the published
// site.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { HEADERS_FILE } from './headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
};

export interface StaticHost {
  origin: string;
  close(): Promise<void>;
}

/** The headers `_headers` gives `path`. */
export function headersFor(rules: Header[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules.filter((r) => r.forRegExp.test(path))) {
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}

/** Reads `dir/_headers`; throws on anything Netlify would refuse. */
export async function readHeaderRules(dir: string): Promise<Header[]> {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [join(dir, HEADERS_FILE)], configHeaders: undefined, minimal: false });
  if (errors.length > 0) throw new Error(`${HEADERS_FILE}: ${errors.map((e) => e.message).join('; ')}`);
  return headers as Header[];
}

/** Serves `dir` on 127.0.0.1 at a free port; the site's base path is part of every URL. */
export async function serveBuild(dir: string, base = '/'): Promise<StaticHost> {
  const rules = await readHeaderRules(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const inside = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    const relative = inside === undefined ? undefined : normalize(inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside);
    const body = relative === undefined || relative.split(/[\\/]/).includes('..') ? undefined : await readFile(join(dir, relative)).catch(() => undefined);
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    const type = TYPES[extname(relative!)] ?? 'application/octet-stream';
    // Hosts compress text; a benchmark of the published site should see what readers get.
    const gzip = /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, { 'content-type': type, ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}), ...headersFor(rules, path) });
    response.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
