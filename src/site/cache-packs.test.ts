import { mkdtemp, readdir, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackStore } from './cache-packs.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cache-packs-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const store = () => new PackStore(dir);

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('PackStore', () => {
  it('reads back what it wrote, in this process and the next, byte for byte', () => {
    const writer = store();
    const bytes = Buffer.from([0, 255, 10, 13, 0x89]);
    writer.write('png', A, bytes);
    writer.write('png', B, 'text é');
    expect(writer.read('png', A)?.equals(bytes)).toBe(true);
    const next = store();
    expect(next.read('png', A)?.equals(bytes)).toBe(true);
    expect(next.read('png', B)?.toString()).toBe('text é');
    expect(next.has('png', A)).toBe(true);
    expect(next.has('artboard', A)).toBe(false);
    expect(next.read('png', 'c'.repeat(64))).toBeUndefined();
  });

  it('appends each namespace to one pack of its own', async () => {
    const writer = store();
    for (const key of [A, B]) writer.write('png', key, key);
    writer.write('artboard', A, 'x');
    expect(await readdir(join(dir, 'png'))).toHaveLength(1);
    expect([writer.keys('artboard'), writer.keys('png')]).toEqual([[A], [A, B]]);
  });

  it('reads the packs of every build, also of builds that wrote at once', () => {
    const first = store();
    const second = store();
    first.write('png', A, 'first');
    second.write('png', B, 'second');
    const next = store();
    expect([next.read('png', A)?.toString(), next.read('png', B)?.toString()]).toEqual(['first', 'second']);
  });

  it('leaves out a record cut short, as a build stopped while writing leaves it', async () => {
    const writer = store();
    writer.write('png', A, 'whole');
    writer.write('png', B, 'cut short');
    const [pack] = await readdir(join(dir, 'png'));
    const path = join(dir, 'png', pack!);
    await truncate(path, (await stat(path)).size - 3);
    const next = store();
    expect(next.read('png', A)?.toString()).toBe('whole');
    expect(next.has('png', B)).toBe(false);
  });

  it('keys values of any length, the empty one included', () => {
    const writer = store();
    writer.write('png', A, '');
    writer.write('png', B, Buffer.alloc(300_000, 7));
    const next = store();
    expect(next.read('png', A)?.length).toBe(0);
    expect(next.read('png', B)?.equals(Buffer.alloc(300_000, 7))).toBe(true);
  });
});
