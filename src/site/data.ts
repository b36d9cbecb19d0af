// The pages' only window onto the data: the JSON the data step wrote to data/build/.
// Nothing here reads raw downloads.
import { PATHS } from '../config.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_DIR = PATHS.build;

/** The text of one of the data step's outputs, saying what to run when it is missing. */
export function readBuildText(name: string, dir: string = BUILD_DIR): string {
  const path = join(dir, name);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: run \`npm run data\` first (${(error as Error).message})`);
  }
}

/** One of the data step's outputs, parsed from its text. */
export function parseBuildJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`cannot read ${join(BUILD_DIR, name)}: run \`npm run data\` first (${(error as Error).message})`);
  }
}
