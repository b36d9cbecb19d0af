// What a story page needs besides its Markdown: the data step's outputs and the facts
// about provenance that pages print (sources, sample-data labels).
import type { FileReport } from '../contract/index.ts';
import { loadAggregates, loadFacts, loadReport } from './data.ts';

export function storyData() {
  const facts = loadFacts();
  const aggregates = loadAggregates();
  const report = loadReport();
  return { facts, aggregates, report, synthetic: report.files.some((f) => f.synthetic) };
}

/** One line per distinct provenance statement, with the files it covers. */
export function sourceLines(files: readonly FileReport[]): { source: string; files: string[]; synthetic: boolean }[] {
  const bySource = new Map<string, { source: string; files: string[]; synthetic: boolean }>();
  for (const file of files) {
    const line = bySource.get(file.source) ?? { source: file.source, files: [], synthetic: file.synthetic };
    line.files.push(file.file);
    bySource.set(file.source, line);
  }
  return [...bySource.values()];
}
