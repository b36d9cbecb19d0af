import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuiltTexts } from './built-texts.ts';
import { HASHED_DIR } from './headers.ts';
import { cutWebFonts, shownCharacters } from './web-fonts.ts';

const require = createRequire(import.meta.url);
const SERIF = require.resolve('@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2');
const FONT = 'serif-700.AbCd1234.woff2';
const KOREAN = 'pretendard-400.XyZw9876.woff2';

let dir: string;
let original: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-fonts-'));
  await mkdir(join(dir, HASHED_DIR));
  await mkdir(join(dir, 'story'));
  await copyFile(SERIF, join(dir, HASHED_DIR, FONT));
  await writeFile(join(dir, HASHED_DIR, KOREAN), 'not touched');
  original = (await readFile(SERIF)).length;
  await writeFile(join(dir, HASHED_DIR, 'site.css'), `@font-face{src:url(/${HASHED_DIR}/${FONT})}.note::before{content:"→"}`);
  await writeFile(
    join(dir, 'story/index.html'),
    `<link rel="preload" href="/${HASHED_DIR}/${FONT}" as="font"><h1>Exports fell 12% — to €3m</h1><p>caf&eacute; &#x2019;</p>`,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the web fonts of a build', () => {
  it("can show the pages' characters, references decoded, the stylesheets' and printable ASCII", async () => {
    const characters = shownCharacters(new BuiltTexts(dir), ['story/index.html', `${HASHED_DIR}/site.css`]);
    for (const character of ['—', '€', 'é', '’', '→', 'A', '~', '\u00a0']) expect(characters).toContain(character);
    expect(characters).not.toContain('ß');
  });

  it('are cut to those characters under a new hashed name, which every page and stylesheet is pointed at', async () => {
    const renamed = await cutWebFonts(dir, new Set([`${HASHED_DIR}/${KOREAN}`]));
    const cut = renamed.get(FONT)!;
    expect(cut).toMatch(/^serif-700\.[\w-]{8}\.woff2$/);
    expect((await readdir(join(dir, HASHED_DIR))).sort()).toEqual([KOREAN, cut, 'site.css'].sort());
    const font = fontkit.create(await readFile(join(dir, HASHED_DIR, cut))) as fontkit.Font;
    expect(font.familyName).toBe('Source Serif 4');
    for (const character of 'Exports—€é’') expect(font.hasGlyphForCodePoint(character.codePointAt(0)!), character).toBe(true);
    expect(font.hasGlyphForCodePoint('ß'.codePointAt(0)!)).toBe(false);
    expect((await readFile(join(dir, HASHED_DIR, cut))).length).toBeLessThan(original * 0.6);
    expect(await readFile(join(dir, 'story/index.html'), 'utf8')).toContain(`href="/${HASHED_DIR}/${cut}"`);
    expect(await readFile(join(dir, HASHED_DIR, 'site.css'), 'utf8')).toContain(`url(/${HASHED_DIR}/${cut})`);
    expect(await readFile(join(dir, HASHED_DIR, KOREAN), 'utf8')).toBe('not touched');
  });
});
