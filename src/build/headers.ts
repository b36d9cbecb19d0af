// The build's cache policy, as a `_headers` file (Netlify and Cloudflare Pages read it from
// the root of the published folder; README.md gives the same policy for nginx and S3).
// Files whose names carry a content hash (/_astro/: scripts, styles, fonts) never change
// under their name, so browsers and CDNs keep them for a year without asking again.
// Everything else keeps its name when a build changes it: HTML, embed pages, embed.js,
// CSV, PNG and oEmbed files are revalidated on every use.
//
// Both hosts join the values of every rule that matches a path, so the rules must not
// overlap: rather than a catch-all beside /_astro/*, the revalidating rules name each
// top-level entry of the build. A folder's rule, `/embed/*`, matches every path that starts
// with `/embed` (so `/embed.js` too, as Netlify's own parser reads it): an entry whose name
// starts with a folder's name needs no rule of its own.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder Astro writes hashed assets to, under the base path. */
export const HASHED_DIR = '_astro';
export const HEADERS_FILE = '_headers';

export const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'public, max-age=0, must-revalidate',
} as const;

export interface HeaderRule {
  /** A path pattern in the hosts' syntax: exact, or a folder followed by `*`. */
  path: string;
  headers: Record<string, string>;
}

/** `base` with exactly one slash at each end: "/" or "/interactive/story/". */
export function basePrefix(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The cache rules for a build whose top level holds `entries` (folders end in "/"). */
export function cacheRules(entries: { name: string; folder: boolean }[], base: string): HeaderRule[] {
  const prefix = basePrefix(base);
  const rule = (path: string, cacheControl: string): HeaderRule => ({ path, headers: { 'Cache-Control': cacheControl } });
  const rules = [rule(`${prefix}${HASHED_DIR}/*`, CACHE_CONTROL.immutable), rule(prefix, CACHE_CONTROL.revalidate)];
  const others = entries.filter((entry) => entry.name !== HASHED_DIR && entry.name !== HEADERS_FILE && !entry.name.startsWith('.'));
  const folders = others.filter((entry) => entry.folder).map((entry) => entry.name);
  const clash = folders.find((folder) => HASHED_DIR.startsWith(folder));
  if (clash) throw new Error(`a top-level folder named "${clash}" would give ${HASHED_DIR}/ two cache policies; rename it`);
  const covered = (name: string) => folders.some((folder) => folder !== name && name.startsWith(folder));
  for (const entry of [...others].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!covered(entry.name)) rules.push(rule(`${prefix}${entry.name}${entry.folder ? '/*' : ''}`, CACHE_CONTROL.revalidate));
  }
  return rules;
}

export function formatHeaders(rules: HeaderRule[]): string {
  return rules.map((r) => [r.path, ...Object.entries(r.headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n') + '\n';
}

/** Writes `_headers` into the build folder `dir`. */
export async function writeHeaders(dir: string, base: string): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
  await writeFile(join(dir, HEADERS_FILE), formatHeaders(cacheRules(entries, base)));
}
