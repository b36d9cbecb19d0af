// The change report from real data runs: the first run has nothing to compare with, an
// unchanged run says so, and a new download that moves a figure and a rank is reported in
// changes.md and in the terminal summary of `npm run data`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, dataStep, IMPORTS_2023, npmRun, removeCopies, replaceIn, SILICON_CARBIDE_VALUE } from './helpers.ts';

let root: string;
const changes = () => readFile(join(root, 'data/build/changes.md'), 'utf8');

beforeAll(async () => {
  root = await copyProject();
}, 60_000);
afterAll(removeCopies);

describe('the change report', () => {
  it('says there was nothing to compare with on the first run, and no change on a repeat', async () => {
    expect((await dataStep(root)).changes?.compared).toBe(false);
    expect(await changes()).toContain('there was no previous run to compare with');
    const again = await dataStep(root);
    expect(again.changes).toMatchObject({ compared: true, facts: [], aggregates: [] });
    expect(await changes()).toBe('# Data changes\n\nNo fact or aggregate changed since the previous run.\n');
  });

  it('reports a moved figure and a changed rank after a new download', async () => {
    // 50 million yuan more silicon carbide: past molybdenum ore into fifth place.
    await replaceIn(root, IMPORTS_2023, SILICON_CARBIDE_VALUE, '"52,737,507"');
    const { code, stderr } = await npmRun(root, 'data');
    expect(code).toBe(0);
    const report = await changes();
    for (const line of [
      '- silicon-carbide-2023: 47.35M → 97.35M yuan (+105.6%)',
      '- silicon-carbide-2023: rank 6 → 5',
      '- molybdenum-2023: rank 5 → 6',
      '- minerals-2023: 506.79M → 556.79M yuan (+9.9%)',
      '- top-imports-2023: Silicon carbide rank 6 → 5',
      '- top-imports-2023: Molybdenum ore rank 5 → 6',
      '- top-imports-2023: 1 of 46 values changed: Silicon carbide 47.35M → 97.35M yuan (+105.6%)',
    ]) expect(report).toContain(line);
    expect(stderr).toContain('data: 9 change(s) since the previous run (data/build/changes.md):');
    expect(stderr).toContain('data:   silicon-carbide-2023: rank 6 → 5');
  });
});
