// What a page needs besides its Markdown: the data step's outputs, read once per build.
import { loadAggregates, loadFacts, loadReport } from './data.ts';

export function storyData() {
  return { facts: loadFacts(), aggregates: loadAggregates(), report: loadReport() };
}
