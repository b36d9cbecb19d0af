import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeVersion, hashParts } from './digest.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digest-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashParts', () => {
  it('is the same for the same parts and differs when parts are split differently', () => {
    expect(hashParts('ab', 'c')).toBe(hashParts('ab', 'c'));
    expect(hashParts('ab', 'c')).not.toBe(hashParts('a', 'bc'));
    expect(hashParts({ width: 640 })).toBe(hashParts({ width: 640 }));
    expect(hashParts({ width: 640 })).not.toBe(hashParts({ width: 320 }));
    expect(hashParts({ width: 640 })).not.toBe(hashParts('{"width":640}'));
    expect(hashParts([1, 2])).not.toBe(hashParts([1], [2]));
    expect(hashParts(Buffer.from('x'))).toBe(hashParts('x'));
  });

  it('hashes an object as it was when first hashed: the same object is not read twice', () => {
    const aggregate = { rows: [1] };
    const first = hashParts(aggregate);
    aggregate.rows.push(2);
    expect(hashParts(aggregate)).toBe(first);
    expect(hashParts({ rows: [1, 2] })).not.toBe(first);
  });
});

describe('codeVersion', () => {
  async function project(files: Record<string, string>): Promise<string> {
    const root = join(dir, `project-${Object.keys(files).length}-${Math.random().toString(16).slice(2)}`);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(root, name, '..'), { recursive: true });
      await writeFile(join(root, name), text);
    }
    return root;
  }

  it('changes with any source file and with the installed packages, not with tests', async () => {
    const base = { 'src/charts/render.ts': 'draw()', 'src/charts/chart.css': '.chart{}', 'src/format/en.ts': 'en', 'package-lock.json': '{"v":1}' };
    const version = codeVersion(await project(base));
    expect(codeVersion(await project(base))).toBe(version);
    expect(codeVersion(await project({ ...base, 'src/charts/chart.css': '.chart{color:red}' }))).not.toBe(version);
    expect(codeVersion(await project({ ...base, 'src/format/en.ts': 'en2' }))).not.toBe(version);
    expect(codeVersion(await project({ ...base, 'package-lock.json': '{"v":2}' }))).not.toBe(version);
    expect(codeVersion(await project({ ...base, 'src/charts/render.test.ts': 'a test' }))).toBe(version);
  });
});
