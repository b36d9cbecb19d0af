// The pages' only window onto the data: the JSON the data step wrote to data/build/.
// Nothing here reads raw downloads.
import { PATHS } from '../config.ts';
import type { AggregatesFile, DataReport, FactsFile } from '../contract/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_DIR = PATHS.build;

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
