// Real GACC downloads, kept outside the repository in ../shared/real-gacc/downloads/ (CI gets a
// copy of shared/ beside its clone). Every file goes through the data step and must give the
// row count and value total its README table lists. Without the folder the test fails in CI
// and is skipped, saying why, on a developer's machine.
import { existsSync } from 'node:fs';
import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCase, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REAL = join(ROOT, '..', 'shared', 'real-gacc');
const DOWNLOADS = join(REAL, 'downloads');
const present = existsSync(DOWNLOADS);
const required = Boolean(process.env.CI);

if (!present && !required) console.warn(`real-downloads: skipped, ${DOWNLOADS} does not exist (CI has it: shared/ beside the clone)`);

interface Listed {
  file: string;
  flow: 'import' | 'export';
  /** As sources.yaml takes it, e.g. 2024-01..2024-12. */
  period: string;
  rows: number;
  total: number;
}

/** The README's table: | file | from | platform | language, currency | flow | period | rows | Σ value |. */
function readTable(readme: string): Listed[] {
  const listed: Listed[] = [];
  for (const line of readme.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells.length !== 8 || !cells[0]!.endsWith('.csv')) continue;
    const [file, , , , flow, period, rows, total] = cells as [string, string, string, string, string, string, string, string];
    expect(['import', 'export'], `flow of ${file}`).toContain(flow);
    listed.push({
      file,
      flow: flow as Listed['flow'],
      period: sourcesPeriod(period),
      rows: Number(rows.replaceAll(',', '')),
      total: Number(total.replaceAll(',', '')),
    });
  }
  return listed;
}

/** "2023-01..2023-12, monthly", "2024, monthly" or "2018-10" as a sources.yaml period. */
function sourcesPeriod(cell: string): string {
  const text = cell.split(',')[0]!.trim();
  if (/^\d{4}$/.test(text)) return `${text}-01..${text}-12`;
  if (/^\d{4}-\d{2}$/.test(text)) return `${text}..${text}`;
  expect(text, `period "${cell}"`).toMatch(/^\d{4}-\d{2}\.\.\d{4}-\d{2}$/);
  return text;
}

describe('the real GACC downloads in ../shared/real-gacc/downloads', () => {
  it.skipIf(!present && !required)('read with the row counts and totals their README lists', async () => {
    if (!present) throw new Error(`${DOWNLOADS} is missing: CI must have shared/ beside the clone (../shared from the project root)`);
    const listed = readTable(await readFile(join(REAL, 'README.md'), 'utf8'));
    const files = (await readdir(DOWNLOADS)).filter((name) => name.endsWith('.csv')).sort();
    expect(listed.map((l) => l.file).sort(), 'every download is in the README table').toEqual(files);

    const raw = await tempDir('real-gacc-');
    for (const { file } of listed) await symlink(join(DOWNLOADS, file), join(raw, file));
    await writeFile(
      join(raw, 'sources.yaml'),
      listed
        .map(
          ({ file, flow, period }) =>
            `- file: ${file}\n  flow: ${flow}\n  period: ${period}\n  source: real GACC download (shared/real-gacc)\n  synthetic: false\n`,
        )
        .join(''),
    );
    const { result, outputs } = await runCase(raw);

    expect(result.report.rejected).toEqual([]);
    const byFile = new Map(result.report.files.map((f) => [f.file, f]));
    for (const { file, rows, total, flow } of listed) {
      expect(byFile.get(file), file).toMatchObject({ rows, total_value: total, flow, rejected: 0 });
    }

    // A figure known from elsewhere: 2024 imports of 12019019 from partner 410 (Brazil).
    const records = csvParse(outputs.get('records.csv')!.toString('utf8'));
    const brazil = records.filter((r) => r.flow === 'import' && r.hs_code === '12019019' && r.partner_code === '410' && r.period_start!.startsWith('2024-'));
    expect(brazil.reduce((sum, r) => sum + Number(r.value), 0)).toBe(259_240_198_214);
    // The 2018 files write "-" for a missing unit, which is no unit at all.
    expect(records.filter((r) => r.unit === '-' || r.unit2 === '-')).toEqual([]);
  });
});
