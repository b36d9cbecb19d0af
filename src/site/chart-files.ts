// The charts a newsroom keeps as files, content/charts/<id>.yaml, each placed in stories with
// ::chart{#id}. A file takes its id from its name; plain text in it is English unless the
// file says `lang:`. Mistakes name the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS } from '../config.ts';
import { ChartDefinitionError, parseChartDefinition, type ChartDefinition } from '../charts/index.ts';
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

export function readChartLibrary(dir: string = PATHS.charts): ChartLibrary {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const library = new Map<string, ChartFile>();
  for (const name of names) {
    const path = join(dir, name);
    const id = name.replace(/\.ya?ml$/, '');
    try {
      library.set(id, { definition: parseChartDefinition(readFileSync(path, 'utf8'), { lang: DEFAULT_LANG, id }), path });
    } catch (error) {
      if (error instanceof ChartDefinitionError) throw new ChartSourceError(path, error.line, error.message, error);
      throw error;
    }
  }
  return library;
}
