// Whether the data step can keep its last run's outputs: `npm run build` after a story edit
// should not read every download again (with a full archive that is most of the build). A
// run asked to keep what is unchanged leaves a digest of everything it read beside its
// outputs: the downloads and sources.yaml, the reference tables, the declarations, the
// options that change the outputs, and the code. A later run whose inputs give the same
// digest would write the same bytes, so it keeps them instead.
import { OUTPUT_FILES, type DataReport } from '../contract/index.ts';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { codeVersion, hashParts } from '../fs/digest.ts';

/** What a run reads, as the data step's options name it. */
export interface RunInputs {
  rawDir: string;
  referenceDir: string;
  aggregatesFile?: string | undefined;
  allowRejects: boolean;
  parquet: boolean;
}

/** The counts a run reports, kept with its digest so a kept run can report them too. */
export interface RunCounts {
  records: number;
  aggregates: number;
  facts: number;
}

interface LastRunFile extends RunCounts {
  inputs: string;
}

async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Every file under `dir` as its path and digest, in name order; none when the folder is missing. */
async function folderDigests(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return ['(no folder)'];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const parts: string[] = [];
  // One file at a time: the downloads can be hundreds of megabytes.
  for (const path of files) parts.push(path.slice(dir.length).split(sep).join('/'), await fileDigest(path));
  return parts;
}

/** The digest of everything a run with these inputs reads. */
export async function inputsDigest(inputs: RunInputs): Promise<string> {
  const aggregates = inputs.aggregatesFile && existsSync(inputs.aggregatesFile) ? await fileDigest(inputs.aggregatesFile) : '(no declarations)';
  return hashParts(
    codeVersion(),
    { allowRejects: inputs.allowRejects, parquet: inputs.parquet },
    ...(await folderDigests(inputs.rawDir)),
    '(reference)',
    ...(await folderDigests(inputs.referenceDir)),
    aggregates,
  );
}

/** The last-run file of a run: its inputs' digest and its counts. */
export function lastRunText(inputs: string, counts: RunCounts): string {
  const file: LastRunFile = { inputs, records: counts.records, aggregates: counts.aggregates, facts: counts.facts };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The report and counts of the run whose outputs are in `outDir`, when its inputs had this
 * digest and all its outputs are still there; otherwise undefined.
 */
export async function keptRun(outDir: string, inputs: string, parquet: boolean): Promise<(RunCounts & { report: DataReport }) | undefined> {
  let last: LastRunFile;
  let report: DataReport;
  try {
    last = JSON.parse(await readFile(join(outDir, OUTPUT_FILES.lastRun), 'utf8')) as LastRunFile;
    if (last.inputs !== inputs) return undefined;
    report = JSON.parse(await readFile(join(outDir, OUTPUT_FILES.report), 'utf8')) as DataReport;
  } catch {
    return undefined;
  }
  const outputs = [
    OUTPUT_FILES.records,
    OUTPUT_FILES.aggregates,
    OUTPUT_FILES.facts,
    ...(parquet ? [OUTPUT_FILES.recordsParquet] : []),
    ...(report.rejected.length > 0 ? [OUTPUT_FILES.rejected] : []),
  ];
  if (!outputs.every((name) => existsSync(join(outDir, name)))) return undefined;
  return { report, records: last.records, aggregates: last.aggregates, facts: last.facts };
}
