// Tiny HTTP servers on loopback for the browser tests: the built site on one origin, the
// test "CMS" pages on another.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
};

/** Answers a path with a body, or undefined for 404. */
export type Routes = (path: string) => Promise<{ body: string | Buffer; type: string } | undefined>;

export interface Running {
  origin: string;
  close(): Promise<void>;
}

/** Listens on a free port of `host`; the origin uses the same host name. */
export async function serve(host: '127.0.0.1' | 'localhost', routes: Routes): Promise<Running> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const found = await routes(path).catch(() => undefined);
    response.writeHead(found ? 200 : 404, { 'Content-Type': found?.type ?? 'text/plain' });
    response.end(found?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Files under `root`, with index.html for folders, as a static host serves a build. */
export function files(root: string): Routes {
  return async (path) => {
    const relative = normalize(path.endsWith('/') ? `${path}index.html` : path);
    if (relative.split(/[\\/]/).includes('..')) return undefined;
    const file = join(root, relative);
    return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  };
}
