// The data step as a command: options from the command line, a progress bar, a summary,
// and problems printed as file:line lines. Shared by `npm run data` and `npm run build`.
import { PATHS } from '../config.ts';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runDataStep } from '../pipeline.ts';
import { DataStepError, formatProblem } from '../ingest/errors.ts';
import { progressBar } from './progress.ts';
import { CHANGES_FILE, changeSummary } from '../reporter/changes.ts';

export const DATA_USAGE = `Usage: npm run data -- [--raw DIR] [--out DIR] [--reference DIR] [--aggregates FILE] [--allow-rejects] [--keep-unchanged]

Reads every CSV under the raw folder (GACC downloads, declared in its sources.yaml) and
writes records.csv, records.parquet, report.json, aggregates.json and facts.json to the out folder.
Unreadable rows fail the run; --allow-rejects writes them to rejected.csv instead.
--keep-unchanged keeps the out folder as it is when no download, reference table,
declaration or code changed since the last run that was given it (npm run build does this).`;

/** Runs the data step; returns the process exit code. */
export async function dataCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      raw: { type: 'string', default: PATHS.raw },
      out: { type: 'string', default: PATHS.build },
      reference: { type: 'string', default: PATHS.reference },
      aggregates: { type: 'string', default: 'data/aggregates.yaml' },
      'allow-rejects': { type: 'boolean', default: false },
      'keep-unchanged': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(DATA_USAGE);
    return 0;
  }
  const bar = progressBar();
  const started = performance.now();
  try {
    const result = await runDataStep({
      rawDir: resolve(values.raw),
      outDir: resolve(values.out),
      referenceDir: resolve(values.reference),
      aggregatesFile: resolve(values.aggregates),
      allowRejects: values['allow-rejects'],
      changeReport: true,
      keepUnchanged: values['keep-unchanged'],
      onProgress: ({ file, done, total }) => bar.update(file, done, total),
    });
    bar.done();
    const { report } = result;
    for (const warning of report.warnings) console.warn(`warning: ${formatProblem(warning)}`);
    const rejected = report.rejected.length;
    const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
    if (result.kept) {
      console.error(`data: no download, reference table, declaration or code changed since the last run: ${values.out} kept as it was (${took})`);
    } else {
      console.error(
        `data: ${report.files.length} file(s), ${result.records.toLocaleString('en-US')} records` +
          `${rejected ? `, ${rejected} rejected (see ${values.out}/rejected.csv)` : ''}` +
          `, ${result.aggregates} aggregates, ${result.facts} facts → ${values.out} (${took})`,
      );
    }
    if (result.changes) for (const line of changeSummary(result.changes, `${values.out}/${CHANGES_FILE}`)) console.error(`data: ${line}`);
    if (report.files.some((f) => f.synthetic)) console.error('data: note: some sources are synthetic sample data; pages built from them say so');
    return 0;
  } catch (error) {
    bar.done();
    if (!(error instanceof DataStepError)) throw error;
    console.error(`data: ${error.message}`);
    for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
    return 1;
  }
}
