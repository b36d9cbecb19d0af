// Checks against the platform's real files in ../shared/real-gacc/ (not part of the project,
// so never copied into it): the committed tables are what `npm run reference` builds from
// GACC's code lists, and every partner and regime code the real downloads hold resolves.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../contract/index.ts';
import { readGaccFile } from '../sources/gacc/read-file.ts';
import { buildTables, readGaccCodeLists } from './build.ts';
import { loadReference, REFERENCE_FILES } from './load.ts';

const REAL = '../shared/real-gacc';
const REFERENCE = 'data/reference';

describe.skipIf(!existsSync(REAL))("the platform's real files", () => {
  it('build exactly the committed partner, regime, province and HS8 tables', async () => {
    const current = (file: string) => readFile(join(REFERENCE, file), 'utf8');
    const tables = buildTables(await readGaccCodeLists(join(REAL, 'code-lists')), {
      partners: await current(REFERENCE_FILES.partners),
      regimes: await current(REFERENCE_FILES.regimes),
      provinces: await current(REFERENCE_FILES.provinces),
    });
    expect(Object.keys(tables).sort()).toEqual([REFERENCE_FILES.hs8, REFERENCE_FILES.partners, REFERENCE_FILES.provinces, REFERENCE_FILES.regimes].sort());
    for (const [file, text] of Object.entries(tables)) expect(text, `${file} differs from what npm run reference builds`).toBe(await current(file));
  });

  it('hold only partner and regime codes the reference tables name, so the data step warns about none', async () => {
    const reference = await loadReference(REFERENCE);
    const dir = join(REAL, 'downloads');
    const records: TradeRecord[] = [];
    for (const file of (await readdir(dir)).filter((name) => name.endsWith('.csv'))) {
      const flow = file.includes('export') ? 'export' : 'import';
      await readGaccFile({ file, path: join(dir, file), flow, synthetic: false, source: 'real GACC download' }, { onRecord: (record) => records.push(record) });
    }
    const partners = new Set(records.map((r) => r.partner_code));
    const regimes = new Set(records.map((r) => r.trade_mode_code).filter(Boolean));
    expect([...partners].sort()).toEqual(['204', '210', '402', '410', '502']);
    expect([...regimes].sort()).toEqual(['10', '14', '39']);
    expect([...partners].filter((code) => !reference.partners.has(code))).toEqual([]);
    expect([...regimes].filter((code) => !reference.regimes.has(code))).toEqual([]);
    // Ceuta has no ISO code of its own: its row is hand-kept and says why.
    expect(reference.partners.get('210')).toMatchObject({ iso2: '', name: { en: 'Ceuta', ko: '세우타' }, hand_kept: expect.stringContaining('Spain') });
  });
});
