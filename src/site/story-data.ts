// What a page needs besides its Markdown: the data step's outputs. Every story page of a
// build asks for them; they are parsed again only when their text changed, so a build parses
// them once, `npm run dev` sees a new data step, and every page holds the same objects, whose
// digests hashParts() then works out once.
import { hashParts } from '../fs/digest.ts';
import type { AggregatesFile, DataReport, FactsFile } from '../contract/index.ts';
import { parseBuildJson, readBuildText } from './data.ts';

export interface StoryData {
  facts: FactsFile;
  aggregates: AggregatesFile;
  report: DataReport;
  /** A digest of the texts they were parsed from, for the keys of what is worked out from them. */
  digest: string;
}

const FILES = ['facts.json', 'aggregates.json', 'report.json'] as const;

let last: { texts: string[]; data: StoryData } | undefined;

export function storyData(): StoryData {
  const texts = FILES.map((name) => readBuildText(name));
  if (last && texts.every((text, i) => text === last!.texts[i])) return last.data;
  const [facts, aggregates, report] = FILES.map((name, i) => parseBuildJson(name, texts[i]!));
  const data = { facts: facts as FactsFile, aggregates: aggregates as AggregatesFile, report: report as DataReport, digest: hashParts(...texts) };
  last = { texts, data };
  return data;
}
