import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchPaths, type Watcher } from './watch.ts';

let root: string;
let watcher: Watcher | undefined;
let bursts: string[][];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'watch-'));
  await mkdir(join(root, 'raw'));
  await writeFile(join(root, 'raw', 'imports.csv'), 'a');
  await writeFile(join(root, 'declarations.yaml'), 'a');
  bursts = [];
  watcher = watchPaths(root, ['raw', 'declarations.yaml'], (changed) => bursts.push(changed), 50);
});

afterEach(async () => {
  watcher?.close();
  await rm(root, { recursive: true, force: true });
});

/** Waits until `count` bursts were reported, or fails naming what was. */
async function bursted(count: number): Promise<void> {
  for (let waited = 0; waited < 5000 && bursts.length < count; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(bursts.length, JSON.stringify(bursts)).toBe(count);
}

/** A save as most editors make it: a new file beside the old one, renamed over it. */
async function saveByRename(path: string, text: string): Promise<void> {
  await writeFile(join(path, '..', '.save.tmp'), text);
  await rename(join(path, '..', '.save.tmp'), path);
}

describe('watchPaths', () => {
  it('sees every save by rename of the same file, not only the first', async () => {
    for (let save = 1; save <= 3; save += 1) {
      await saveByRename(join(root, 'raw', 'imports.csv'), `save ${save}`);
      await bursted(save);
      expect(bursts[save - 1]).toEqual(['raw/imports.csv']);
    }
  });

  it('sees files in a folder made after it started, and single files saved by rename', async () => {
    await mkdir(join(root, 'raw', '2024'));
    await bursted(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(join(root, 'raw', '2024', 'exports.csv'), 'b');
    await bursted(2);
    expect(bursts[1]).toEqual(['raw/2024/exports.csv']);
    await saveByRename(join(root, 'declarations.yaml'), 'b');
    await saveByRename(join(root, 'declarations.yaml'), 'c');
    await bursted(3);
    expect(bursts[2]).toEqual(['declarations.yaml']);
  });
});
