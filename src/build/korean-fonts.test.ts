import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKoreanFonts } from './korean-fonts.ts';
import { HASHED_DIR } from './headers.ts';

const page = (lang: string, body: string) => `<!DOCTYPE html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`;

const PAGES = {
  'english/index.html': page('en', '<p>Trade &#39;stories&#39; &#x4E2D;</p>'),
  'switch/index.html': page('en', '<p>Trade</p><a href="/ko/" lang="ko">&#xD55C;&#44397;&#xC5B4;</a>'),
  'korean/index.html': page('ko', '<h1>북한</h1><p>무역</p>'),
};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'korean-fonts-'));
  await mkdir(join(dir, HASHED_DIR), { recursive: true });
  for (const [name, html] of Object.entries(PAGES)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), html);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('addKoreanFonts', () => {
  it('gives fonts to Korean pages and to pages showing Hangul, written or as character references, and leaves the rest as they were', async () => {
    const done = await addKoreanFonts(dir, Object.keys(PAGES), '/');
    expect(done.map((fonts) => fonts.page)).toEqual(['korean/index.html', 'switch/index.html']);
    expect(await readFile(join(dir, 'english/index.html'), 'utf8')).toBe(PAGES['english/index.html']);
    for (const name of ['korean/index.html', 'switch/index.html']) {
      expect(await readFile(join(dir, name), 'utf8')).toMatch(
        /<link rel="preload" href="\/_astro\/pretendard-400\.[\w-]{8}\.woff2"[^>]*><link rel="preload" href="\/_astro\/pretendard-700\./,
      );
    }
  });
});
