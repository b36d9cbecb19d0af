// Reading a build's output as a reader, a crawler or a host would: files listed and hashed,
// pages as DOM, text as seen, PNG sizes, and every URL a page or stylesheet makes a browser
// fetch.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

/** Every file under `dir`, as sorted '/'-separated relative paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** Every file under `dir` with the SHA-256 of its bytes. */
export async function hashFiles(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(
      file,
      createHash('sha256')
        .update(await readFile(join(dir, file)))
        .digest('hex'),
    );
  }
  return hashes;
}

export type Page = ReturnType<typeof parseHTML>['document'];

export async function readPage(file: string): Promise<Page> {
  return parseHTML(await readFile(file, 'utf8')).document;
}

/** Text as a reader sees it: whitespace collapsed. */
export function text(node: { textContent: string | null } | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: first chunk is not IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Where a page makes the browser fetch something: scripts, stylesheets, icons, preloads,
 * images, media sources and frames, with every URL of a srcset.
 */
export function assetUrls(document: Page): { tag: string; url: string }[] {
  const urls: { tag: string; url: string }[] = [];
  const add = (element: Element, attribute: string) => {
    const value = element.getAttribute(attribute);
    if (value === null) return;
    if (attribute === 'srcset' || attribute === 'imagesrcset') {
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push({ tag: element.localName, url });
      }
    } else {
      urls.push({ tag: element.localName, url: value.trim() });
    }
  };
  for (const element of document.querySelectorAll('script[src], img, source, iframe, video, audio, track, embed, object, input[type=image]')) {
    for (const attribute of ['src', 'srcset', 'data', 'poster']) add(element, attribute);
  }
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.some((r) => ['stylesheet', 'icon', 'apple-touch-icon', 'preload', 'modulepreload', 'prefetch', 'manifest', 'mask-icon'].includes(r))) {
      add(link, 'href');
      add(link, 'imagesrcset');
    }
  }
  // SVG images inside inline charts.
  for (const image of document.querySelectorAll('svg image, svg use')) {
    add(image, 'href');
    add(image, 'xlink:href');
  }
  return urls;
}

/** url(…) and @import targets in a stylesheet. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)) urls.push(match[1] ?? match[2] ?? match[3] ?? '');
  for (const match of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) urls.push(match[1] ?? match[2] ?? '');
  return urls;
}
