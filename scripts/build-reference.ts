// npm run reference [-- --lists DIR --out DIR]: rebuilds the partner, regime, province and
// HS8 tables of data/reference/ from GACC's code lists (default ../shared/real-gacc/code-lists)
// and the ISO names of i18n-iso-countries, keeping what people wrote in them.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildTables, readGaccCodeLists, ReferenceBuildError } from '../src/reference/build.ts';
import { REFERENCE_FILES } from '../src/reference/load.ts';

const { values } = parseArgs({
  options: {
    lists: { type: 'string', default: '../shared/real-gacc/code-lists' },
    out: { type: 'string', default: 'data/reference' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run reference -- [--lists DIR] [--out DIR]\n\nRebuilds partners.csv, regimes.csv, provinces.csv and hs8-2023.csv in DIR (default data/reference)\nfrom the GACC code lists in --lists (default ../shared/real-gacc/code-lists).',
  );
  process.exit(0);
}

const listsDir = resolve(values.lists);
const outDir = resolve(values.out);
if (!existsSync(listsDir)) {
  console.error(`reference: no GACC code lists in ${listsDir} (pass --lists DIR); the tables in ${outDir} are unchanged`);
  process.exit(1);
}

const current = async (file: string) => (existsSync(join(outDir, file)) ? readFile(join(outDir, file), 'utf8') : undefined);
try {
  const tables = buildTables(await readGaccCodeLists(listsDir), {
    partners: await current(REFERENCE_FILES.partners),
    regimes: await current(REFERENCE_FILES.regimes),
    provinces: await current(REFERENCE_FILES.provinces),
  });
  for (const [file, text] of Object.entries(tables)) {
    const changed = (await current(file)) !== text;
    if (changed) await writeFile(join(outDir, file), text);
    console.log(`reference: ${file}: ${text.trimEnd().split('\n').length - 1} rows${changed ? ', written' : ', unchanged'}`);
  }
} catch (error) {
  if (!(error instanceof ReferenceBuildError)) throw error;
  console.error(`reference: ${error.message}`);
  for (const problem of error.problems) console.error(`  ${problem}`);
  process.exitCode = 1;
}
