import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuiltTexts } from './built-texts.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'built-texts-'));
  await writeFile(join(dir, 'page.html'), '<p>first</p>');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('BuiltTexts', () => {
  it('reads a file once, however often it is asked for', async () => {
    const texts = new BuiltTexts(dir);
    expect(texts.read('page.html')).toBe('<p>first</p>');
    await writeFile(join(dir, 'page.html'), '<p>changed behind its back</p>');
    expect(texts.read('page.html')).toBe('<p>first</p>');
  });

  it('writes to the file and to what the next read gives', async () => {
    const texts = new BuiltTexts(dir);
    texts.read('page.html');
    texts.write('page.html', '<p>second</p>');
    expect(texts.read('page.html')).toBe('<p>second</p>');
    expect(await readFile(join(dir, 'page.html'), 'utf8')).toBe('<p>second</p>');
  });
});
