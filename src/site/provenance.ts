// Provenance per page: the downloads a page's own facts and charts were summed from, so its
// Sources box lists those and no others, and the sample-data label appears where, and only
// where, generated data is used.
import type { Aggregate, AggregatesFile, DataReport, FactsFile, FileReport } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';

export interface Provenance {
  /** The downloads behind the page, in the report's order. */
  files: FileReport[];
  /** Whether any of them is generated sample data. */
  synthetic: boolean;
}

export interface SourceLine {
  source: string;
  files: string[];
  synthetic: boolean;
}

/** What a page draws from: the aggregates of its charts and of the facts it cites. */
export function provenanceOf(
  used: { aggregates: readonly Aggregate[]; facts: readonly string[] },
  data: { facts: Readonly<FactsFile>; aggregates: Readonly<AggregatesFile>; report: DataReport },
): Provenance {
  const names = new Set<string>();
  const add = (aggregate: Aggregate | undefined) => aggregate?.sources.forEach((file) => names.add(file));
  used.aggregates.forEach(add);
  for (const key of used.facts) {
    const fact = data.facts[key];
    if (fact) add(data.aggregates[fact.aggregate]);
  }
  const files = data.report.files.filter((file) => names.has(file.file));
  return { files, synthetic: files.some((file) => file.synthetic) };
}

/** One line per distinct provenance statement, in the page's language where sources.yaml gives it, with the files it covers. */
export function sourceLines(files: readonly FileReport[], lang: Lang): SourceLine[] {
  const bySource = new Map<string, SourceLine>();
  for (const file of files) {
    const source = file.source_names?.[lang] ?? file.source;
    const line = bySource.get(source) ?? { source, files: [], synthetic: file.synthetic };
    line.files.push(file.file);
    line.synthetic ||= file.synthetic;
    bySource.set(source, line);
  }
  return [...bySource.values()];
}
