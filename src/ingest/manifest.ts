// The provenance manifest, sources.yaml: one entry per download, saying what the file
// itself cannot (imports or exports, the period of a totals file), where it came from and,
// for a file that is not a GACC download, which reader reads it (`format:`).
import type { Flow, Names, Problem } from '../contract/index.ts';
import { readFile } from 'node:fs/promises';
import { isSeq, parseDocument, LineCounter } from 'yaml';
import { parseMonthRange, type MonthRange } from '../months.ts';

export const MANIFEST_NAME = 'sources.yaml';

export interface SourceEntry {
  file: string;
  flow: Flow;
  period?: MonthRange;
  /** Where the file comes from, in English (or the first language given). */
  source: string;
  /** The same in every language the entry gives, `source: { en: …, ko: … }`. */
  source_names?: Names;
  synthetic: boolean;
  license?: string;
  notes?: string;
  /** Which source reader reads the file (src/sources); absent: the default, GACC's download. */
  format?: string;
  /** Line of the entry in sources.yaml, for messages. */
  line: number;
}

const KEYS = new Set(['file', 'flow', 'period', 'source', 'synthetic', 'license', 'notes', 'format']);

export interface Manifest {
  entries: SourceEntry[];
  problems: Problem[];
}

export async function readManifest(path: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {
      entries: [],
      problems: [
        { file: MANIFEST_NAME, message: `there is no ${MANIFEST_NAME} in the raw folder; add one entry per CSV file (file, flow, period, source, synthetic)` },
      ],
    };
  }
  return parseManifest(text);
}

export function parseManifest(text: string): Manifest {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const problems: Problem[] = [];
  const at = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  for (const error of doc.errors) {
    problems.push({ file: MANIFEST_NAME, line: at(error.pos[0]), message: `not valid YAML: ${error.message.split('\n')[0]}` });
  }
  if (problems.length > 0) return { entries: [], problems };
  if (!isSeq(doc.contents)) {
    return { entries: [], problems: [{ file: MANIFEST_NAME, line: 1, message: 'expected a list of entries, each starting with "- file: …"' }] };
  }
  const entries: SourceEntry[] = [];
  const seen = new Map<string, number>();
  for (const item of doc.contents.items) {
    const line = at(item.range?.[0]) ?? 1;
    const raw: unknown = item.toJSON();
    const problem = (message: string) => problems.push({ file: MANIFEST_NAME, line, message });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problem('each entry must be a mapping with file, flow, source and synthetic');
      continue;
    }
    const entry = raw as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (!KEYS.has(key)) problem(`unknown key "${key}"; entries take ${[...KEYS].join(', ')}`);
    }
    const { file, flow, period, source, synthetic, license, notes, format } = entry;
    if (typeof file !== 'string' || file.trim() === '') {
      problem('the entry has no file');
      continue;
    }
    const where = `entry for ${file}`;
    if (seen.has(file)) problem(`${where} repeats the entry on line ${seen.get(file)}`);
    seen.set(file, line);
    if (flow !== 'import' && flow !== 'export') {
      problem(`${where}: flow must be "import" or "export" (the file itself cannot tell which)`);
      continue;
    }
    let range: MonthRange | undefined;
    if (period !== undefined && period !== null) {
      try {
        range = parseMonthRange(String(period));
      } catch (error) {
        problem(`${where}: ${(error as Error).message}`);
        continue;
      }
    }
    const names = sourceNames(source);
    if (!names) problem(`${where}: source must say where and when the file was downloaded, as text or as text per language ({ en: …, ko: … })`);
    if (typeof synthetic !== 'boolean') problem(`${where}: synthetic must be true (generated sample data) or false (a real download)`);
    for (const [key, value] of [
      ['license', license],
      ['notes', notes],
      ['format', format],
    ] as const) {
      if (value !== undefined && typeof value !== 'string') problem(`${where}: ${key} must be text`);
    }
    entries.push({
      file,
      flow,
      ...(range ? { period: range } : {}),
      source: names?.en ?? Object.values(names ?? {})[0] ?? '',
      ...(names && Object.keys(names).length > 1 ? { source_names: names } : {}),
      synthetic: synthetic === true,
      ...(typeof license === 'string' ? { license } : {}),
      ...(typeof notes === 'string' ? { notes } : {}),
      ...(typeof format === 'string' ? { format } : {}),
      line,
    });
  }
  return { entries, problems };
}

/** A source line as text, or as text per language; undefined when it is neither. */
function sourceNames(source: unknown): Names | undefined {
  if (typeof source === 'string') return source.trim() === '' ? undefined : { en: source };
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return undefined;
  const names: Names = {};
  for (const [lang, text] of Object.entries(source)) {
    if (!(lang === 'en' || lang === 'ko' || lang === 'zh') || typeof text !== 'string' || text.trim() === '') return undefined;
    names[lang] = text;
  }
  return Object.keys(names).length > 0 ? names : undefined;
}
