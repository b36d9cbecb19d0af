import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeclarations, DeclarationError } from '../aggregate/declarations.ts';
import { loadReference, ReferenceError } from './load.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The shipped reference tables with one file's text changed. */
async function referenceWith(file: string, change: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reference-'));
  dirs.push(dir);
  await cp('data/reference', dir, { recursive: true });
  await writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  const error = await loadReference(dir).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ReferenceError);
  return (error as ReferenceError).problems.map((p) => p.message);
}

// YAML reads 0101 as the number 101 and 08 as 8, which would match chapters 80–89.
describe('HS codes written without quotes', () => {
  it('are refused in products.yaml, naming the product', async () => {
    const dir = await referenceWith('products.yaml', (text) => text.replace('hs: ["720221"]', 'hs: [720221]'));
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^product ferrosilicon: write HS codes in quotes/)]);
  });

  it('are refused in sanctions.yaml, naming the list and group', async () => {
    const dir = await referenceWith('sanctions.yaml', (text) => text.replace(/hs: \["84"/, 'hs: [84'));
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^list unscr-2397-p7, group \S+: write HS codes in quotes/)]);
  });

  it('are refused in an aggregate declaration', async () => {
    const reference = await loadReference('data/reference');
    const yaml = 'aggregates:\n  fruit:\n    flow: import\n    period: 2023-01..2023-10\n    hs: [08]\n    group_by: [hs_chapter]\n';
    const error = (() => {
      try {
        parseDeclarations(yaml, 'aggregates.yaml', reference);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DeclarationError);
    expect((error as DeclarationError).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^aggregate fruit: write HS codes in quotes/)]);
  });
});
