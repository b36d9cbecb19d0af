// Newsrooms host a story under a path of their own site, e.g.
// https://news.example.org/interactive/soybeans/. Built with SITE_URL and BASE_PATH, every
// URL the site prints must live under that prefix, and a server that maps only the prefix
// to the build must answer every request the story pages make. The newsroom fixture, both
// editions and the story on sample data.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { cssUrls, type Page } from '../support/pages.ts';
import { sharedBuild, type BuiltProject } from '../support/project.ts';
import { publishedStories } from '../support/stories.ts';

const SITE = 'https://news.example.org';
const BASE = '/interactive/soybeans/';
const HOME = `${SITE}${BASE}`;

let project: BuiltProject;
/** Every published story's page, by its site-relative path. */
const stories = new Map<string, Page>();
let server: Server;
let local: string;

/** Serves `root` at `prefix` only; anything outside the prefix is a 404, as on a newsroom's server. */
function serveUnder(prefix: string, root: string): Server {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (status: number, body: Buffer | string = '') => response.writeHead(status).end(body);
    if (!path.startsWith(prefix)) return send(404);
    const file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return send(403);
    stat(file)
      .then((info) => (info.isDirectory() ? join(file, 'index.html') : file))
      .then((target) => readFile(target))
      .then(
        (body) => send(200, body),
        () => send(404),
      );
  });
}

beforeAll(async () => {
  // BASE_URL as some CI machines set it: Vite would let it override the configured base in
  // import.meta.env.BASE_URL, so pages must take the base from the Astro config itself.
  project = await sharedBuild('newsroom', { site: SITE, base: BASE, env: { BASE_URL: '/' } });
  for (const story of await publishedStories(project)) stories.set(`${story.id}/`, await project.page(`${story.id}/`));
  server = serveUnder(BASE, project.dist);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, BUILD_TIMEOUT);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** Every URL an element attribute holds: href, src, srcset, xlink:href, action, poster, data. */
function attributeUrls(document: Page): string[] {
  const urls: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of ['href', 'src', 'xlink:href', 'action', 'poster', 'data']) {
      const value = element.getAttribute(attribute);
      if (value !== null && !(element.localName === 'object' && attribute !== 'data')) urls.push(value.trim());
    }
    for (const attribute of ['srcset', 'imagesrcset']) {
      for (const candidate of (element.getAttribute(attribute) ?? '').split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push(url);
      }
    }
  }
  return urls.filter((url) => !url.startsWith('#') && !url.startsWith('data:') && !url.startsWith('mailto:'));
}

/** URLs in meta tags and JSON-LD, which crawlers and social sites fetch. */
function socialUrls(document: Page): string[] {
  const urls = [...document.querySelectorAll('meta[content]')].map((meta) => meta.getAttribute('content')!).filter((content) => /^https?:\/\//.test(content));
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    JSON.stringify(JSON.parse(script.textContent!), (_, value: unknown) => {
      if (typeof value === 'string' && /^https?:\/\//.test(value) && !value.startsWith('https://schema.org')) urls.push(value);
      return value;
    });
  }
  return urls;
}

describe(`a build for ${HOME}`, () => {
  it('makes canonical, Open Graph, Twitter, hreflang and JSON-LD URLs absolute under the prefix', () => {
    expect([...stories.keys()].sort()).toEqual(['soybeans-ko/', 'soybeans/', 'wigs/']);
    for (const [path, story] of stories) {
      expect(story.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${HOME}${path}`);
      expect(story.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(`${HOME}${path}`);
      expect(story.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(`${HOME}${path}share.png`);
      const social = socialUrls(story);
      expect(social.length, path).toBeGreaterThanOrEqual(5);
      for (const url of social) expect(url.startsWith(HOME), `${path}: ${url}`).toBe(true);
    }
    const alternates = [...stories.get('soybeans-ko/')!.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => link.getAttribute('href'));
    expect(alternates).toEqual([`${HOME}soybeans/`, `${HOME}soybeans-ko/`]);
  });

  it('keeps every internal link and asset of every page under the prefix', async () => {
    const pages = await project.htmlFiles();
    expect(pages.length).toBeGreaterThan(5);
    const outside: string[] = [];
    for (const file of pages) {
      const document = await project.page(file);
      const pageUrl = new URL(file.replace(/index\.html$/, ''), HOME);
      for (const url of attributeUrls(document)) {
        const resolved = new URL(url, pageUrl);
        if (resolved.origin === SITE && !resolved.pathname.startsWith(BASE)) outside.push(`${file}: ${url}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('lists absolute URLs under the prefix in the sitemap, hreflang alternates included', async () => {
    const xml = await readFile(join(project.dist, 'sitemap.xml'), 'utf8');
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]).sort()).toEqual([HOME, ...[...stories.keys()].map((path) => `${HOME}${path}`)].sort());
    const alternates = [...xml.matchAll(/<xhtml:link [^>]*href="([^"]*)"/g)].map((m) => m[1]!);
    expect(alternates.length).toBe(4);
    for (const url of alternates) expect(url.startsWith(HOME), url).toBe(true);
  });

  it('answers every request the story pages make when served under the prefix', async () => {
    const failing: string[] = [];
    for (const [path, story] of stories) {
      const pageUrl = new URL(`${BASE}${path}`, local);
      const page = await fetch(pageUrl);
      expect(page.status, path).toBe(200);
      // The page's own URLs, social URLs on the public site mapped to the local server, then
      // whatever its stylesheets load (fonts).
      const wanted = new Set<string>();
      for (const url of attributeUrls(story)) wanted.add(new URL(url, pageUrl).href);
      for (const url of socialUrls(story)) wanted.add(new URL(new URL(url).pathname, local).href);
      for (const sheet of story.querySelectorAll('link[rel="stylesheet"]')) {
        const sheetUrl = new URL(sheet.getAttribute('href')!, pageUrl);
        const css = await (await fetch(sheetUrl)).text();
        for (const url of cssUrls(css)) if (!url.startsWith('data:')) wanted.add(new URL(url, sheetUrl).href);
      }
      for (const style of story.querySelectorAll('style')) {
        for (const url of cssUrls(style.textContent ?? '')) if (!url.startsWith('data:')) wanted.add(new URL(url, pageUrl).href);
      }
      const same = [...wanted].filter((url) => new URL(url).origin === local);
      expect(same.length, path).toBeGreaterThanOrEqual(10);
      for (const url of same) {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status !== 200) failing.push(`${path}: ${response.status} ${new URL(url).pathname}`);
      }
    }
    expect(failing).toEqual([]);
  });

  it('is served only under the prefix (the control: a root-relative URL would fail)', async () => {
    expect((await fetch(new URL('/soybeans/', local))).status).toBe(404);
    expect((await fetch(new URL(`${BASE}soybeans/share.png`, local))).status).toBe(200);
  });
});
