// The data step: raw downloads in, normalised records, a report, aggregates and facts out.
// Each file is read in one pass by the source reader its sources.yaml entry names
// (src/sources); outputs are written to a scratch folder and swapped in only when
// everything succeeded, so a failed run leaves the last good output in place.
import {
  OUTPUT_FILES,
  type DataReport,
  type Aggregate,
  type AggregatesFile,
  type FileReport,
  type Problem,
  type Rejection,
  type TradeRecord,
} from './contract/index.ts';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { csvField, RecordsFile } from './records.ts';
import { RecordsParquet } from './records-parquet.ts';
import { writeStableJson } from './json.ts';
import { scratchFor, swapIn } from './fs/swap.ts';
import { DataStepError, FileError } from './ingest/errors.ts';
import { MANIFEST_NAME, readManifest, type SourceEntry } from './ingest/manifest.ts';
import { FileCoverage, findOverlaps } from './ingest/overlap.ts';
import { DEFAULT_FORMAT, SOURCE_READERS } from './sources/index.ts';
import type { SourceReader } from './sources/types.ts';
import { loadReference, ReferenceError, type Reference } from './reference/load.ts';
import { DeclarationError, readDeclarations, type Declarations } from './aggregate/declarations.ts';
import { Classifier } from './aggregate/classify.ts';
import { AggregateBuilder } from './aggregate/engine.ts';
import { computeFacts } from './aggregate/facts.ts';
import { writeChangeReport, type ChangeReport } from './reporter/changes.ts';
import { inputsDigest, keptRun, lastRunText } from './ingest/last-run.ts';

export interface DataStepOptions {
  rawDir: string;
  outDir: string;
  referenceDir: string;
  /** The story's declared aggregates and facts; skipped when absent. */
  aggregatesFile?: string;
  /** Write unreadable rows to rejected.csv and go on, instead of failing. */
  allowRejects?: boolean;
  onProgress?: (progress: { file: string; done: number; total: number }) => void;
  /** Compare facts and aggregates with the previous run in outDir and write changes.md. */
  changeReport?: boolean;
  /** Write records.parquet beside records.csv (the default). */
  parquet?: boolean;
  /** The readers by format; SOURCE_READERS unless a test brings its own. */
  readers?: ReadonlyMap<string, SourceReader>;
  /**
   * Keep the outputs in outDir when they came from a run with the same inputs (downloads,
   * reference tables, declarations, options, code), and leave the digest for the next run.
   * Not with a test's own readers, which the digest cannot see.
   */
  keepUnchanged?: boolean;
}

export interface DataStepResult {
  report: DataReport;
  records: number;
  aggregates: number;
  facts: number;
  /** Present when the options asked for a change report and the run wrote new outputs. */
  changes?: ChangeReport;
  /** True when no input had changed and the last run's outputs were kept. */
  kept?: boolean;
}

const REJECTIONS_SHOWN = 20;

export async function runDataStep(options: DataStepOptions): Promise<DataStepResult> {
  const parquet = options.parquet ?? true;
  const digest =
    options.keepUnchanged && options.readers === undefined
      ? await inputsDigest({ ...options, allowRejects: options.allowRejects ?? false, parquet })
      : undefined;
  if (digest !== undefined) {
    const kept = await keptRun(options.outDir, digest, parquet);
    if (kept) return { ...kept, kept: true };
  }
  const { sources, reference, declarations } = await prepare(options);
  const scratch = scratchFor(options.outDir);
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  try {
    const result = await writeOutputs(sources, reference, declarations, scratch, options);
    if (digest !== undefined) await writeFile(join(scratch, OUTPUT_FILES.lastRun), lastRunText(digest, result));
    // Compared before the swap, while the previous run is still in outDir.
    const changes = options.changeReport ? await writeChangeReport(options.outDir, scratch) : undefined;
    await swapIn(scratch, options.outDir);
    return changes ? { ...result, changes } : result;
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}

interface PlannedSource extends SourceEntry {
  path: string;
  size: number;
  reader: SourceReader;
}

/**
 * Reads the manifest, reference tables and declarations and lists the downloads, without
 * reading any CSV; throws a DataStepError naming every problem. `npm run check` runs it too.
 */
export async function prepare(options: DataStepOptions) {
  const problems: Problem[] = [];
  const listed = await listCsvFiles(options.rawDir);
  // A folder named like a CSV (an unzipped download, say) cannot be read as one.
  const csvFiles: string[] = [];
  for (const file of listed) {
    if ((await stat(join(options.rawDir, file))).isDirectory())
      problems.push({ file, message: 'is a folder, not a CSV file; move the download out of it or rename the folder' });
    else csvFiles.push(file);
  }
  const manifest = await readManifest(join(options.rawDir, MANIFEST_NAME));
  problems.push(...manifest.problems);
  const entries = new Map(manifest.entries.map((entry) => [entry.file, entry]));
  for (const file of csvFiles) {
    if (!entries.has(file) && manifest.problems.length === 0) {
      problems.push({
        file,
        message: `has no entry in ${MANIFEST_NAME}; add one giving its flow (import or export), period, source and whether it is synthetic`,
      });
    }
  }
  const present = new Set(listed);
  const readers = options.readers ?? SOURCE_READERS;
  const readerOf = new Map<string, SourceReader>();
  for (const entry of manifest.entries) {
    if (!present.has(entry.file))
      problems.push({ file: MANIFEST_NAME, line: entry.line, message: `the entry for ${entry.file} names a file that is not in the raw folder` });
    const format = entry.format ?? DEFAULT_FORMAT;
    const reader = readers.get(format);
    if (reader) readerOf.set(entry.file, reader);
    else
      problems.push({
        file: MANIFEST_NAME,
        line: entry.line,
        message: `the entry for ${entry.file} has format "${format}", which no reader reads; the formats known are ${[...readers.keys()].join(', ')}`,
      });
  }
  let reference: Reference | undefined;
  let declarations: Declarations = { aggregates: [], facts: [] };
  try {
    reference = await loadReference(options.referenceDir);
    if (options.aggregatesFile && existsSync(options.aggregatesFile)) {
      declarations = await readDeclarations(options.aggregatesFile, relative(process.cwd(), options.aggregatesFile) || options.aggregatesFile, reference);
    }
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof DeclarationError) problems.push(...error.problems);
    else throw error;
  }
  if (csvFiles.length === 0) problems.push({ file: options.rawDir, message: 'holds no CSV files' });
  if (problems.length > 0 || !reference) throw new DataStepError('the data step cannot start', problems);
  const sources: PlannedSource[] = [];
  for (const file of csvFiles) {
    const path = join(options.rawDir, file);
    sources.push({ ...entries.get(file)!, path, size: (await stat(path)).size, reader: readerOf.get(file)! });
  }
  return { sources, reference, declarations };
}

async function writeOutputs(
  sources: PlannedSource[],
  reference: Reference,
  declarations: Declarations,
  scratch: string,
  options: DataStepOptions,
): Promise<DataStepResult> {
  const classifier = new Classifier(reference);
  const builders = declarations.aggregates.map((d) => new AggregateBuilder(d, classifier, reference));
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const files: FileReport[] = [];
  const rejections: Rejection[] = [];
  const coverages: FileCoverage[] = [];
  const unknownPartners = new Map<string, Problem>();
  const records = new RecordsFile(join(scratch, OUTPUT_FILES.records));
  const parquet = options.parquet === false ? undefined : new RecordsParquet(join(scratch, OUTPUT_FILES.recordsParquet));
  const total = sources.reduce((sum, s) => sum + s.size, 0);
  let done = 0;
  try {
    for (const source of sources) {
      // Overlaps can only occur between files of one flow; skip the bookkeeping otherwise.
      const coverage = sources.some((other) => other !== source && other.flow === source.flow) ? new FileCoverage(source.file, source.flow) : undefined;
      const synthetic = source.synthetic;
      const { reader } = source;
      const onRecord = (record: TradeRecord) => {
        if (!reader.writesRecordsCsv) records.add(record);
        parquet?.add(record);
        for (const builder of builders) builder.add(record, synthetic);
        coverage?.add(record);
        if (record.partner_code && !reference.partners.has(record.partner_code) && !unknownPartners.has(record.partner_code)) {
          unknownPartners.set(record.partner_code, {
            file: record.file,
            line: record.line,
            message: `partner code ${record.partner_code} (${record.partner}) is not in data/reference/partners.csv; charts will show GACC's name for it`,
          });
        }
      };
      try {
        const result = await reader.read(source, {
          onRecord,
          ...(reader.writesRecordsCsv ? { onRecordsCsv: (lines: Uint8Array, count: number) => records.write(lines, count) } : {}),
          ...(parquet ? { ready: () => parquet.drained() } : {}),
          onBytes: (bytes) => {
            done += bytes;
            options.onProgress?.({ file: source.file, done, total });
          },
        });
        files.push(result.report);
        rejections.push(...result.rejections);
        warnings.push(...result.warnings);
        if (coverage) {
          coverage.setColumns(result.keyFields);
          coverages.push(coverage);
        }
      } catch (error) {
        if (error instanceof FileError) problems.push(error.problem);
        else throw error;
      }
    }
  } catch (error) {
    await parquet?.abort();
    throw error;
  } finally {
    records.close();
  }
  await parquet?.close();
  problems.push(...findOverlaps(coverages));
  if (problems.length > 0) throw new DataStepError(`${problems.length} problem(s) in the raw data`, problems);
  if (rejections.length > 0 && !options.allowRejects) {
    const shown: Problem[] = rejections.slice(0, REJECTIONS_SHOWN).map(({ file, line, reason }) => ({ file, line, message: reason }));
    const more = rejections.length - shown.length;
    if (more > 0) shown.push({ file: '…', message: `and ${more} more rejected row(s)` });
    throw new DataStepError(
      `${rejections.length} row(s) could not be read exactly; fix them, or run with --allow-rejects to set them aside in ${OUTPUT_FILES.rejected}`,
      shown,
    );
  }
  warnings.push(...unknownPartners.values());

  const aggregates = new Map<string, Aggregate>();
  for (const builder of builders) {
    const aggregate = builder.finish();
    problems.push(...builder.problems());
    const uncovered = builder.uncoveredPeriods();
    if (uncovered.length > 0) {
      const d = builder.declaration;
      problems.push({
        file: options.aggregatesFile ?? '',
        message:
          `aggregate ${aggregate.id} declares ${uncovered.join(', ')}, but no download of ${d.flow}s in ${d.recordCurrencies.join(' or ')}${d.partners ? ` with partner ${d.partners.join(', ')}` : ''} covers ${uncovered.length === 1 ? 'it' : 'them'}: ` +
          'add the file and its sources.yaml entry, or take the period out of the declaration (its zeros would be made up, not measured)',
      });
    }
    if (aggregate.sources.length === 0)
      problems.push({ file: options.aggregatesFile ?? '', message: `aggregate ${aggregate.id} matched no records; check its filters against the data` });
    aggregates.set(aggregate.id, aggregate);
  }
  const { facts, problems: factProblems } = computeFacts(declarations.facts, aggregates, reference.rates, options.aggregatesFile ?? '');
  problems.push(...factProblems);
  if (problems.length > 0) throw new DataStepError(`${problems.length} problem(s) in the aggregates and facts`, problems);

  const report: DataReport = { files, rejected: rejections, warnings };
  const aggregatesFile: AggregatesFile = Object.fromEntries(aggregates);
  writeStableJson(join(scratch, OUTPUT_FILES.report), report);
  writeStableJson(join(scratch, OUTPUT_FILES.aggregates), aggregatesFile);
  writeStableJson(join(scratch, OUTPUT_FILES.facts), facts);
  if (rejections.length > 0) await writeFile(join(scratch, OUTPUT_FILES.rejected), rejectedCsv(rejections));
  return { report, records: records.count, aggregates: aggregates.size, facts: Object.keys(facts).length };
}

function rejectedCsv(rejections: Rejection[]): string {
  const lines = ['file,line,reason,value'];
  for (const r of rejections) lines.push([r.file, r.line, r.reason, r.value ?? null].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

async function listCsvFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch {
    throw new DataStepError('the data step cannot start', [{ file: dir, message: 'the raw folder does not exist' }]);
  }
  return names
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .map((name) => name.split(sep).join('/'))
    .sort();
}
