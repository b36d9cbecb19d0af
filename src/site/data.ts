// The pages' only window onto the data: the JSON the data step wrote to data/build/.
// Nothing here reads raw downloads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AggregatesFile, FactsFile } from '../aggregate/types.ts';
import type { DataReport } from '../pipeline.ts';

export const BUILD_DIR = process.env.DATA_BUILD_DIR ?? 'data/build';

function readJson<T>(name: string): T {
  const path = join(BUILD_DIR, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`cannot read ${path}: run \`npm run data\` first (${(error as Error).message})`);
  }
}

export const loadFacts = () => readJson<FactsFile>('facts.json');
export const loadAggregates = () => readJson<AggregatesFile>('aggregates.json');
export const loadReport = () => readJson<DataReport>('report.json');
