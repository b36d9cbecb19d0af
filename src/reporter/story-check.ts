// Checks one story without building the site: its frontmatter against the schema, its
// Markdown rendered exactly as the page renders it (facts, charts, chart blocks) against
// the data step's output, its share image's lead chart, and the figures typed by hand.
// Every problem names the file, and the line where there is one.
import type { ChartLibrary } from '../site/chart-files.ts';
import type { AggregatesFile, FactsFile, Problem } from '../contract/index.ts';
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, Scalar } from 'yaml';
import type { Lang } from '../format/index.ts';
import { leadChartSvg } from '../share/lead-chart.ts';
import { bodyOf, renderStory, withoutBom } from '../story/render.ts';
import { checkFrontmatter, keyLine, readFrontmatter, type Frontmatter } from '../story/frontmatter.ts';
import { bindField, FACT_FIELDS, type FactField } from '../story/frontmatter-facts.ts';
import { factsMatching } from './fact-hints.ts';
import { findChartBlockNumbers, findFigures, findLooseNumbers, placeIn } from './numbers.ts';

export interface StoryData {
  facts: FactsFile;
  aggregates: AggregatesFile;
  library: ChartLibrary;
}

export interface StoryCheck {
  /** The story's path as given, e.g. content/stories/x.md. */
  file: string;
  /** The frontmatter as written (parsed YAML), for the copy-desk sheet. */
  frontmatter: Record<string, unknown>;
  /** The Markdown body, frontmatter lines blanked. */
  body: string;
  /** The language the story is written in (English where the frontmatter does not say). */
  lang: Lang;
  /** The article body as HTML, when it rendered. */
  html?: string;
  /** The frontmatter's reader-facing text with its facts bound, where they bound. */
  bound: Partial<Record<FactField, string>>;
  errors: Problem[];
  warnings: Problem[];
}

/** Frontmatter fields whose text readers see, so figures in them are checked too. */
const PROSE_FIELDS = ['title', 'dek', 'summary', 'shareImageAlt', 'methodology'];
const PLACEHOLDER = /\bTODO\b/;

/** Every string in the frontmatter that readers see, with the file line its text starts on. */
function proseStrings(fm: Frontmatter): { field: string; text: string; line: number }[] {
  const strings: { field: string; text: string; line: number }[] = [];
  const add = (field: string, node: unknown) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    // A block scalar ("methodology: |") starts on the line after its key.
    const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
    const line = fm.firstLine - 1 + fm.lineCounter.linePos(node.range[0]).line + (block ? 1 : 0);
    strings.push({ field, text: node.value, line });
  };
  for (const field of PROSE_FIELDS) add(field, fm.doc?.get(field, true));
  const corrections = fm.doc?.get('corrections', true);
  if (corrections && typeof corrections === 'object' && 'items' in corrections) {
    (corrections.items as unknown[]).forEach((item, k) => {
      if (isMap(item)) add(`corrections[${k}].text`, item.get('text', true));
    });
  }
  return strings;
}

function looseNumberWarning(file: string, line: number, text: string, value: number | undefined, data: StoryData, where: string): Problem {
  const dollars = /\$|dollar|usd/i.test(text);
  const matches = value === undefined ? [] : factsMatching(value, data.facts, dollars);
  const hint = matches.length > 0 ? ` It looks like ${matches.join(' or ')}.` : '';
  const bindable = where === 'body' || (FACT_FIELDS as readonly string[]).includes(where);
  const fix = bindable
    ? 'bind it to a fact with :fact[key] so it follows the data'
    : `${where.startsWith('chart block') ? 'a chart block' : `the ${where} field`} cannot bind facts, so check it against data/build/facts.json by hand`;
  return { file, line, message: `"${text}"${where === 'body' ? '' : ` in ${where}`} is typed by hand: ${fix}.${hint}` };
}

/** What a failed render says: the message's line in the story and its reason. */
function renderProblem(file: string, error: unknown): Problem {
  const cause = (error as { cause?: { line?: number; reason?: string } }).cause;
  if (cause?.reason !== undefined) return { file, ...(cause.line ? { line: cause.line } : {}), message: cause.reason };
  return { file, message: error instanceof Error ? error.message : String(error) };
}

/** Checks the story at `path`; messages name it `file` (by default the path itself). */
export async function checkStory(path: string, data: StoryData, file = path): Promise<StoryCheck> {
  const source = withoutBom(await readFile(path, 'utf8'));
  const fm = readFrontmatter(source);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const checked = checkFrontmatter(fm, file);
  errors.push(...checked.problems);
  const { frontmatter, lang } = checked;
  const bound: Partial<Record<FactField, string>> = {};
  for (const field of FACT_FIELDS) {
    const text = frontmatter[field];
    if (typeof text !== 'string') continue;
    try {
      bound[field] = bindField(field, text, { facts: data.facts, lang, path: file }).text;
    } catch (error) {
      errors.push({ file, line: keyLine(fm, field), message: (error as Error).message.slice(file.length + 2) });
    }
  }

  const body = bodyOf(source);
  let html: string | undefined;
  try {
    html = (
      await renderStory(body, {
        path: file,
        lang,
        facts: data.facts,
        aggregates: data.aggregates,
        library: data.library,
        csvHref: ({ spec }) => `data/${spec.id}.csv`,
      })
    ).html;
  } catch (error) {
    errors.push(renderProblem(file, error));
  }
  if (html !== undefined) {
    // The build draws the share image from the story's lead chart; fail here as it would there.
    try {
      leadChartSvg(body, { aggregates: data.aggregates, library: data.library, path: file, lang });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ file, message: `the share image cannot be drawn: ${message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message}` });
    }
  }

  for (const loose of findLooseNumbers(body)) warnings.push(looseNumberWarning(file, loose.line, loose.text, loose.value, data, 'body'));
  for (const loose of findChartBlockNumbers(body)) {
    warnings.push(looseNumberWarning(file, loose.line, loose.text, loose.value, data, `chart block ${loose.key}`));
  }
  for (const { field, text, line } of proseStrings(fm)) {
    // A bound figure is no typed one: blank :fact[…]{…} out, keeping the columns.
    const unbound = text.replace(/:fact\[[^\]]*\](?:\{[^}]*\})?/g, (match) => ' '.repeat(match.length));
    for (const figure of findFigures(unbound)) {
      warnings.push(looseNumberWarning(file, placeIn(text, figure.index, line, 1).line, figure.text, figure.value, data, field));
    }
  }
  if (frontmatter.draft === true) {
    warnings.push({ file, line: keyLine(fm, 'draft'), message: 'draft: true: `npm run build` leaves this story out; remove the line to publish it' });
  }
  source.split('\n').forEach((text, k) => {
    if (PLACEHOLDER.test(text)) warnings.push({ file, line: k + 1, message: 'placeholder text (TODO) is still in the story' });
  });
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { file, frontmatter, body, lang, ...(html === undefined ? {} : { html }), bound, errors, warnings };
}
