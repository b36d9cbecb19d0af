// The cache policy as a static host applies it: one build under a sub-path, finished as
// `npm run build` finishes it, served with the headers its `_headers` file gives (read with
// Netlify's parser, joined as Netlify and Cloudflare Pages join them). Every file is asked
// for: hashed ones are kept for a year, every other one is revalidated.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_CONTROL, HEADERS_FILE } from '../../src/build/headers.ts';
import { finishBuild } from '../../src/build/site.ts';
import { headersFor, readHeaderRules, serveBuild, type StaticHost } from '../../src/build/static-host.ts';
import { BUILD_TIMEOUT, buildSite, dataStep, listFiles, removeTempDirs, STORY_SLUG, tempDir } from '../site/helpers.ts';

const BASE = '/interactive/cache-test/';

let dist: string;
let host: StaticHost;
let files: string[];

beforeAll(async () => {
  const work = await tempDir('hosting-');
  dist = await buildSite({ dataDir: await dataStep(join(work, 'data')), outDir: join(work, 'dist'), base: BASE });
  expect(await finishBuild(dist, BASE)).toEqual([]);
  files = (await listFiles(dist)).filter((file) => file !== HEADERS_FILE);
  host = await serveBuild(dist, BASE);
}, BUILD_TIMEOUT);

afterAll(async () => {
  await host?.close();
  await removeTempDirs();
});

const cacheControl = async (path: string) => {
  const response = await fetch(`${host.origin}${path}`);
  expect(response.status, path).toBe(200);
  return response.headers.get('cache-control');
};

describe('the cache policy', () => {
  it('covers every kind of file the build publishes', () => {
    for (const kind of [
      // Stylesheets are written into the pages (astro.config.mjs), so no .css file is published.
      /^_astro\/.+\.js$/,
      /^_astro\/.+\.woff2$/,
      /^embed\.js$/,
      /^embed\/[^/]+\/index\.html$/,
      /^data\/[^/]+\.csv$/,
      /\.png$/,
      /oembed\.json$/,
      new RegExp(`^${STORY_SLUG}/index\\.html$`),
    ]) {
      expect(
        files.some((file) => kind.test(file)),
        String(kind),
      ).toBe(true);
    }
  });

  it('keeps hashed files for a year and revalidates every other file, each with one policy', async () => {
    const wrong: string[] = [];
    for (const file of files) {
      const expected = file.startsWith('_astro/') ? CACHE_CONTROL.immutable : CACHE_CONTROL.revalidate;
      const got = await cacheControl(`${BASE}${file}`);
      if (got !== expected) wrong.push(`${file}: ${got}`);
    }
    expect(wrong).toEqual([]);
  });

  it('revalidates pages asked for by their folder, with or without the slash', async () => {
    for (const page of ['', `${STORY_SLUG}/`, 'embed/', `embed/${files.find((f) => /^embed\/[^/]+\/index\.html$/.test(f))!.split('/')[1]}/`]) {
      expect(await cacheControl(`${BASE}${page}`), page).toBe(CACHE_CONTROL.revalidate);
    }
    // Hosts redirect a folder without its slash; the policy holds for that address too.
    const rules = await readHeaderRules(dist);
    expect(headersFor(rules, `${BASE}${STORY_SLUG}`)['cache-control']).toBe(CACHE_CONTROL.revalidate);
    expect(headersFor(rules, BASE.slice(0, -1))['cache-control']).toBe(CACHE_CONTROL.revalidate);
  });

  it('names only paths under the base path', async () => {
    const paths = (await readFile(join(dist, HEADERS_FILE), 'utf8')).split('\n').filter((line) => line && !line.startsWith(' '));
    expect(paths.length).toBeGreaterThan(3);
    for (const path of paths) expect(path.startsWith(BASE), path).toBe(true);
  });
});
