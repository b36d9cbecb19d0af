// The charts a newsroom keeps as files, content/charts/<id>.yaml, each placed in stories with
// ::chart{#id}. A file takes its id from its name; plain text in it is English unless the
// file says `lang:`. Mistakes name the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS } from '../config.ts';
import { hashParts } from '../fs/digest.ts';
import { ChartDefinitionError, readChartDefinition, type ChartDefinition } from '../charts/index.ts';
import { DEFAULT_LANG } from '../i18n/index.ts';

export interface ChartFile {
  definition: ChartDefinition;
  /** The file, relative to the project, for messages. */
  path: string;
}

export type ChartLibrary = ReadonlyMap<string, ChartFile>;

/** A message at a line of a chart file or story: "content/charts/x.yaml:4: …". */
export class ChartSourceError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, message: string, cause?: unknown) {
    super(`${file}:${line}: ${message}`, { cause });
    this.name = 'ChartSourceError';
    this.file = file;
    this.line = line;
  }
}

/** The chart files in `dir`, sorted by name; none when the folder is missing. */
function chartFiles(dir: string): { name: string; bytes: Buffer }[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

const namesAndBytes = (files: readonly { name: string; bytes: Buffer }[]) => files.flatMap(({ name, bytes }) => [name, bytes]);

/** The chart files' names and bytes, sorted: what a cache of anything drawn from them keys by. */
export function chartFileBytes(dir: string): (string | Buffer)[] {
  return namesAndBytes(chartFiles(dir));
}

/** The library last read from each folder, and its files' digest. */
const libraries = new Map<string, { key: string; library: ChartLibrary }>();

/**
 * The chart files of `dir`, parsed. Parsed again only when a file changed: each story page of
 * a build asks for the library, and parsing every file for every story grew with both.
 */
export function readChartLibrary(dir: string = PATHS.charts): ChartLibrary {
  const files = chartFiles(dir);
  const key = hashParts(...namesAndBytes(files));
  const known = libraries.get(dir);
  if (known?.key === key) return known.library;
  const library = new Map<string, ChartFile>();
  for (const { name, bytes } of files) {
    const path = join(dir, name);
    const id = name.replace(/\.ya?ml$/, '');
    try {
      library.set(id, { definition: readChartDefinition(bytes.toString('utf8'), { lang: DEFAULT_LANG, id }), path });
    } catch (error) {
      if (error instanceof ChartDefinitionError) throw new ChartSourceError(path, error.line, error.message, error);
      throw error;
    }
  }
  libraries.set(dir, { key, library });
  return library;
}
