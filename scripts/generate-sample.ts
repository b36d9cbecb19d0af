// npm run sample [-- --out DIR]: writes the synthetic GACC sample files and their
// sources.yaml (default data/raw). Same seed, same bytes: rerunning changes nothing.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { generateSample } from './sample/generate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/raw' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run sample -- [--out DIR]\n\nWrites the seeded sample GACC files and sources.yaml to DIR (default data/raw).');
  process.exit(0);
}

const outDir = resolve(values.out);
for (const { file, rows } of await generateSample(outDir)) {
  console.log(`${file}: ${rows.toLocaleString('en-US')} rows`);
}
console.log(`sample: wrote ${outDir}/sources.yaml`);
