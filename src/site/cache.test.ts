import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashParts } from '../fs/digest.ts';
import { BYTES, cacheDisabled, ContentCache, jsonCodec } from './cache.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'content-cache-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const KEY = hashParts('a chart');
const OTHER = hashParts('another chart');

describe('ContentCache', () => {
  it('computes a value once per process and serves it from memory after', () => {
    const cache = new ContentCache({ dir });
    let calls = 0;
    const compute = () => ({ svg: `<svg>${(calls += 1)}</svg>`, width: 640 });
    expect(cache.memo('artboard', KEY, jsonCodec(), compute)).toEqual({ svg: '<svg>1</svg>', width: 640 });
    expect(cache.memo('artboard', KEY, jsonCodec(), compute)).toEqual({ svg: '<svg>1</svg>', width: 640 });
    expect(calls).toBe(1);
    expect(cache.stats).toEqual({ memoryHits: 1, diskHits: 0, misses: 1 });
  });

  it('serves the next process from disk, byte for byte, without computing', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 10, 13]);
    new ContentCache({ dir }).memo('png', KEY, BYTES, () => bytes);
    const next = new ContentCache({ dir });
    const served = next.memo('png', KEY, BYTES, () => {
      throw new Error('computed again');
    });
    expect(served.equals(bytes)).toBe(true);
    expect(next.stats.diskHits).toBe(1);
  });

  it('hands what prefetch() started to the next memoAsync() of the key, which computes nothing', async () => {
    const cache = new ContentCache({ dir });
    let calls = 0;
    const draw = async () => Buffer.from(`picture ${(calls += 1)}`);
    cache.prefetch('png', KEY, BYTES, draw, { memory: false });
    cache.prefetch('png', KEY, BYTES, draw, { memory: false });
    expect(calls).toBe(1);
    expect((await cache.memoAsync('png', KEY, BYTES, draw, { memory: false })).toString()).toBe('picture 1');
    expect(calls).toBe(1);
    // Stored on disk for the next build.
    expect(new ContentCache({ dir }).memo('png', KEY, BYTES, () => Buffer.from('again')).toString()).toBe('picture 1');
  });

  it('prefetches nothing that is stored, and leaves it unread for the page that asks', async () => {
    new ContentCache({ dir }).memo('png', KEY, BYTES, () => Buffer.from('kept'));
    const cache = new ContentCache({ dir });
    cache.prefetch('png', KEY, BYTES, () => Promise.reject(new Error('drawn again')));
    expect(cache.stats).toEqual({ memoryHits: 0, diskHits: 0, misses: 0 });
    expect((await cache.memoAsync('png', KEY, BYTES, () => Promise.reject(new Error('drawn again')))).toString()).toBe('kept');
  });

  it('gives a failed prefetch to the page that asks, as its failure', async () => {
    const cache = new ContentCache({ dir });
    cache.prefetch('png', KEY, BYTES, () => Promise.reject(new Error('bad SVG')));
    await expect(cache.memoAsync('png', KEY, BYTES, async () => Buffer.from('drawn'))).rejects.toThrow('bad SVG');
  });

  it('keeps entries of other keys and namespaces apart', () => {
    const cache = new ContentCache({ dir });
    cache.memo('png', KEY, BYTES, () => Buffer.from('first'));
    expect(cache.memo('png', OTHER, BYTES, () => Buffer.from('second')).toString()).toBe('second');
    expect(cache.memo('artboard', KEY, jsonCodec<string>(), () => 'third')).toBe('third');
    expect(cache.stats.misses).toBe(3);
  });

  it('keeps its entries in packs, one per namespace, and lists them', async () => {
    const cache = new ContentCache({ dir });
    cache.memo('png', KEY, BYTES, () => Buffer.alloc(100_000, 1));
    cache.memo('png', OTHER, BYTES, () => Buffer.alloc(10, 2));
    cache.memo('artboard', KEY, jsonCodec<string>(), () => 'drawn');
    expect(await readdir(join(dir, 'png'))).toEqual([expect.stringMatching(/\.pack$/)]);
    expect(new ContentCache({ dir }).entries()).toEqual([`artboard/${KEY}`, ...[KEY, OTHER].sort().map((key) => `png/${key}`)]);
  });

  it('keeps large values out of memory when asked, reading them from disk again', () => {
    const cache = new ContentCache({ dir });
    cache.memo('png', KEY, BYTES, () => Buffer.from('picture'), { memory: false });
    cache.memo('png', KEY, BYTES, () => Buffer.from('picture'), { memory: false });
    expect(cache.stats).toEqual({ memoryHits: 0, diskHits: 1, misses: 1 });
  });

  it('without a folder, remembers only in memory', () => {
    let calls = 0;
    const cache = new ContentCache();
    cache.memo('png', KEY, BYTES, () => Buffer.from(String((calls += 1))));
    cache.memo('png', KEY, BYTES, () => Buffer.from(String((calls += 1))));
    new ContentCache().memo('png', KEY, BYTES, () => Buffer.from(String((calls += 1))));
    expect(calls).toBe(2);
  });

  it('with neither layer, computes every time and never works out the key', () => {
    const cache = new ContentCache({ memory: false });
    let calls = 0;
    const key = () => {
      throw new Error('key computed');
    };
    cache.memo('png', key, BYTES, () => Buffer.from(String((calls += 1))));
    cache.memo('png', key, BYTES, () => Buffer.from(String((calls += 1))));
    expect(calls).toBe(2);
  });

  it('takes the key from a function when given one', () => {
    const cache = new ContentCache({ dir });
    cache.memo(
      'png',
      () => KEY,
      BYTES,
      () => Buffer.from('lazy'),
    );
    expect(new ContentCache({ dir }).read('png', KEY)?.toString()).toBe('lazy');
  });

  it('computes an asynchronous value once, and serves the next process from disk', async () => {
    let calls = 0;
    const compute = async () => Buffer.from(`font ${(calls += 1)}`);
    const cache = new ContentCache({ dir });
    expect((await cache.memoAsync('font', KEY, BYTES, compute)).toString()).toBe('font 1');
    expect((await cache.memoAsync('font', KEY, BYTES, compute)).toString()).toBe('font 1');
    const next = new ContentCache({ dir });
    expect((await next.memoAsync('font', KEY, BYTES, compute, { memory: false })).toString()).toBe('font 1');
    expect(calls).toBe(1);
    expect([cache.stats, next.stats]).toEqual([
      { memoryHits: 1, diskHits: 0, misses: 1 },
      { memoryHits: 0, diskHits: 1, misses: 0 },
    ]);
  });

  it('names the file of an entry, writing it once, for readers that take paths', async () => {
    let calls = 0;
    const compute = async () => Buffer.from(`cut ${(calls += 1)}`);
    const path = await new ContentCache({ dir }).file('png-font', KEY, compute);
    expect(path).toBe(join(dir, 'png-font', KEY));
    expect(await new ContentCache({ dir }).file('png-font', KEY, compute)).toBe(path);
    expect(calls).toBe(1);
    expect((await readFile(path!)).toString()).toBe('cut 1');
    expect(new ContentCache({ dir }).entries()).toEqual([`png-font/${KEY}`]);
    expect(await new ContentCache().file('png-font', KEY, compute)).toBeUndefined();
  });

  it('refuses addresses that could leave its folder', () => {
    const cache = new ContentCache({ dir });
    expect(() => cache.memo('../png', KEY, BYTES, () => Buffer.alloc(0))).toThrow(/not a cache address/);
    expect(() => cache.memo('png', '../../etc', BYTES, () => Buffer.alloc(0))).toThrow(/not a cache address/);
  });
});

describe('cacheDisabled', () => {
  it('is off with BUILD_CACHE=off and in unit tests, on otherwise', () => {
    expect(cacheDisabled({})).toBe(false);
    expect(cacheDisabled({ BUILD_CACHE: 'off' })).toBe(true);
    expect(cacheDisabled({ VITEST: 'true' })).toBe(true);
    expect(cacheDisabled(process.env)).toBe(true);
  });
});
