// The change report from real data runs, on a copy of the project holding the newsroom
// fixture: the first run has nothing to compare with, an unchanged run says so, and a new
// download that moves figures and ranks is reported in changes.md and in the terminal
// summary of `npm run data`.
import type { AggregatesFile } from '../../src/contract/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, dataStep, npmRun, removeCopies, replaceIn } from './helpers.ts';

/** The 2024 yuan download, and Argentina's January row in it (line 4). */
const SOY_2024 = 'data/raw/soy-imports-2024.csv';
const ARGENTINA_JANUARY = '"111,220,040"';
/** GACC's partner codes of the two suppliers that swap places. */
const ARGENTINA = '402';
const RUSSIA = '344';

let root: string;
const changes = () => readFile(join(root, 'data/build/changes.md'), 'utf8');

beforeAll(async () => {
  root = await copyProject('newsroom');
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

  it('reports moved figures and changed ranks after a new download', async () => {
    // A billion yuan more from Argentina in January 2024: past Russia into third place.
    await replaceIn(root, SOY_2024, ARGENTINA_JANUARY, '"1,111,220,040"');
    const { code, stderr } = await npmRun(root, 'data');
    expect(code).toBe(0);
    const report = await changes();
    // The partners as the reference tables name them.
    const { rows } = (JSON.parse(await readFile(join(root, 'data/build/aggregates.json'), 'utf8')) as AggregatesFile)['soy-partners-2024']!;
    const name = (code: string) => String(rows.find((row) => row.partner === code)!.partner_name);
    const [argentina, russia] = [name(ARGENTINA), name(RUSSIA)];
    for (const line of [
      '- soy-2024: 24.46B → 25.46B yuan (+4.1%)',
      '- soy-change: 6.31% → 10.66% (+68.8%)',
      '- top-supplier-share-2024: 54.81% → 52.82% (−3.6%)',
      `- soy-partners-2024: ${argentina} rank 4 → 3`,
      `- soy-partners-2024: ${russia} rank 3 → 4`,
      `- soy-partners-2024: 1 of 6 values changed: ${argentina} 1.28B → 2.28B yuan (+78%)`,
      '- soy-monthly: 1 of 24 values changed: January 2024 2.08B → 3.08B yuan (+48%)',
    ])
      expect(report).toContain(line);
    // Nothing the new download does not reach: the wig story's figures stay as they were.
    expect(report).not.toMatch(/wig/);
    expect(stderr).toContain('data: 10 change(s) since the previous run (data/build/changes.md):');
    expect(stderr).toContain(`data:   soy-partners-2024: ${argentina} rank 4 → 3`);
  });
});
