// Finds the figures a reporter typed by hand instead of binding them to a fact. A figure is
// a number that states an amount, a share or a rank: "181.5 million yuan", "2.0%", "3rd".
// Numbers that name or date things are not figures and are left alone:
//   - years and decades ("2019", "2020–21", "the 1990s") and dates and times ("5 March",
//     "2023-12-04", "7:30pm");
//   - numbers that follow a word saying what they number: "Resolution 2397", "paragraph 7",
//     "HS chapters 84 and 85", "partner code 109", "article 5";
//   - customs codes written like one ("7202.21", "2613.90");
//   - digits inside names ("COVID-19", "G20", "3D");
//   - Korean dates and numbers ("2023년", "10월", "2397호") and references ("84·85류",
//     "제7항", "코드 109").
// Numbers written as words are not figures either ("five minerals", "the first ten months"),
// except with a scale ("two million").
import type { Code, Root } from 'mdast';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import { SKIP, visit } from 'unist-util-visit';
import { CHART_BLOCK_LANG } from '../charts/index.ts';
import { isDirective } from '../markdown/directives.ts';

export interface LooseNumber {
  /** The figure as written, with its scale, unit or percent sign: "181.5 million yuan". */
  text: string;
  /** Its value where it can be read, e.g. 181500000, for matching it to a fact. */
  value?: number;
  line: number;
  column: number;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
/** What may follow a figure and belongs to it. */
const SUFFIX =
  /^(?:\s?(?:thousand|million|billion|trillion)\b|(?:k|m|mn|bn|b|tn)\b)?(?:\s?(?:%|per ?cent\b|percentage points?\b|(?:yuan|dollars?|won|renminbi|rmb|usd|tonnes?|tons?|kilograms?|kg)\b))?/i;
const UNIT_AFTER =
  /^\s?(?:%|per ?cent\b|percentage points?\b|yuan\b|dollars?\b|won\b|renminbi\b|rmb\b|usd\b|tonnes?\b|tons?\b|kilograms?\b|kg\b|thousand\b|million\b|billion\b|trillion\b|(?:k|m|mn|bn|b|tn)\b)/i;
const CURRENCY_BEFORE = /(?:[$¥€£₩]|US\$|USD\s?|CNY\s?|RMB\s?)$/;

/** Words after which a number names what it numbers instead of counting anything. */
const REFERENCE_WORDS = [
  'resolutions?',
  'paragraphs?',
  'paras?',
  'articles?',
  'sections?',
  'chapters?',
  'headings?',
  'subheadings?',
  'codes?',
  'hs',
  'unscr',
  'clauses?',
  'annex(?:es)?',
  'pages?',
  'rules?',
  'tables?',
  'figures?',
  'steps?',
  'versions?',
].join('|');
const NUMBER = String.raw`\d+(?:\.\d+)*(?![\d.]*\d)`;
/**
 * One number of a reference list, unless a scale or unit makes it an amount, with the year
 * a resolution is cited with: "2321 (2016)".
 */
const LIST_ITEM = String.raw`${NUMBER}(?!\s?(?:%|per ?cent|thousand|million|billion|trillion|yuan|dollars?|tonnes?)\b)(?:\s?\((?:1[89]|20)\d{2}\))?`;
const LIST = String.raw`${LIST_ITEM}(?:\s*(?:,\s*and|,\s*or|,|and|or|to|through|–|—|-|&)\s*${LIST_ITEM})*`;

/** Spans that hold numbers which are not figures, blanked out before numbers are looked for. */
const NOT_FIGURES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:(?:${REFERENCE_WORDS})\.?\s+)+(?:no\.\s*)?${LIST}`, 'giu'),
  /\b\d{4}-\d{2}(?:-\d{2})?\b/g, // ISO dates and months
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, // times
  /\b\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)/gi,
  new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\b`, 'g'),
  new RegExp(String.raw`\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?![.,]?\d)`, 'g'),
  /\b(?:1[89]|20)\d{2}\s?[–—\-/]\s?(?:(?:1[89]|20)\d{2}|\d{2})\b/g, // year ranges
  /(?<![$¥€£₩\d.,])\b\d{4}\.\d{2}(?:\.\d{2})?\b(?![\d.,])/g, // HS codes: 7202.21, 2613.90.10
  /\d+(?:\s?[~～\-–]\s?\d+)?\s?(?:년|월|일|호|차)/g, // Korean dates and numbers, ranges too: 1~10월
  // Korean references: HS chapters (84·85류, 86~89류), paragraphs (제7항), codes (코드 109).
  /\d+(?:\s?[·~～\-–,]\s?\d+)*\s?류/g,
  /제\s?\d+\s?(?:항|조|장|호)/g,
  /(?:코드|HS)\s?\d+(?:\s?[·~～\-–,]\s?\d+)*/g,
];

const NUMBER_WORD_SCALE = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|half a) (?:thousand|million|billion|trillion)\b/gi;
/** A number, with Korean scale words inside it: "1억8153만". */
const DIGITS = /\d+(?:,\d{3})*(?:\.\d+)?(?:\s?[조억만천](?:\s?\d+(?:,\d{3})*(?:\.\d+)?\s?[조억만천])*)?/g;
const KOREAN_SCALE = /[조억만천]/;
const KOREAN_UNIT = /^\s?(?:위안|달러|원|톤|%|퍼센트)/;

function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => ' '.repeat(match.length));
}

/** Whether the digits at [start, end) are part of a name like COVID-19, G20 or 3D. */
function inName(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  if (/[A-Za-z]$/.test(before) || /[A-Za-z][-_]$/.test(before)) return true;
  const after = text.slice(end);
  // Letters after the digits make a name, unless they are a scale ("5m"), an ordinal
  // ("3rd") or a decade ("1990s").
  return /^[A-Za-z]/.test(after) && !/^(?:k|m|mn|bn|b|tn|st|nd|rd|th|s)\b/i.test(after);
}

function isYear(digits: string, before: string, after: string): boolean {
  if (!/^(?:1[89]|20)\d{2}$/.test(digits)) return false;
  return !CURRENCY_BEFORE.test(before) && !UNIT_AFTER.test(after);
}

function valueOf(digits: string, suffix: string): number {
  const scale = /thousand|million|billion|trillion|\b(?:k|m|mn|bn|b|tn)\b/i.exec(suffix)?.[0].toLowerCase();
  return Number(digits.replaceAll(',', '')) * (scale ? (SCALES[scale] ?? 1) : 1);
}

/** Figures in one run of prose, by offset into it. */
export function findFigures(text: string): { index: number; text: string; value?: number }[] {
  const masked = NOT_FIGURES.reduce(blank, text);
  const found: { index: number; text: string; value?: number }[] = [];
  for (const match of masked.matchAll(DIGITS)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = text.slice(0, start);
    const after = text.slice(end);
    if (inName(text, start, end)) continue;
    // A decade ("1990s", "the 50s") or a century is a time, not a figure.
    if (/^s\b/.test(after) || /^(?:st|nd|rd|th) century\b/i.test(after)) continue;
    if (isYear(match[0], before, after)) continue;
    const currency = CURRENCY_BEFORE.exec(before)?.[0] ?? '';
    const ordinal = /^(?:st|nd|rd|th)\b/i.exec(after)?.[0] ?? '';
    const korean = KOREAN_SCALE.test(match[0]);
    const suffix = ordinal || (korean ? KOREAN_UNIT : SUFFIX).exec(after)?.[0] || '';
    const figure = { index: start - currency.length, text: `${currency}${match[0]}${suffix}`.trim() };
    // Ranks, shares and Korean amounts are reported without a value to match against facts.
    const share = /%|cent|point/i.test(suffix);
    found.push(ordinal || korean || share ? figure : { ...figure, value: valueOf(match[0], suffix) });
  }
  for (const match of text.matchAll(NUMBER_WORD_SCALE)) found.push({ index: match.index, text: match[0] });
  return found.sort((a, b) => a.index - b.index);
}

/** Line and column of an offset into a run of text that starts at `line`, `column`. */
export function placeIn(text: string, index: number, line: number, column: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const newlines = before.split('\n').length - 1;
  return newlines === 0 ? { line, column: column + index } : { line: line + newlines, column: index - before.lastIndexOf('\n') };
}

const parser = unified().use(remarkParse).use(remarkDirective);

/**
 * Figures in a story's Markdown body that are not bound to a fact: the prose's text, not
 * code, HTML, chart blocks or the keys inside :fact[…] and ::chart{…}. Lines are the file's
 * when the body keeps the frontmatter's lines (as `bodyOf` does).
 */
export function findLooseNumbers(markdown: string): LooseNumber[] {
  const tree = parser.parse(markdown) as Root;
  const loose: LooseNumber[] = [];
  visit(tree, (node) => {
    if (isDirective(node)) return SKIP;
    if (node.type !== 'text' || !node.position) return undefined;
    const { line, column } = node.position.start;
    for (const figure of findFigures(node.value)) {
      loose.push({ text: figure.text, ...(figure.value === undefined ? {} : { value: figure.value }), ...placeIn(node.value, figure.index, line, column) });
    }
    return undefined;
  });
  return loose;
}

/** Keys of a chart block whose text readers see. */
const CHART_BLOCK_TEXT = ['title', 'dek', 'notes'];

/**
 * Figures typed into a chart block's title, dek or notes, which cannot bind facts, at their
 * file lines, with the key they are in.
 */
export function findChartBlockNumbers(markdown: string): (LooseNumber & { key: string })[] {
  const found: (LooseNumber & { key: string })[] = [];
  visit(parser.parse(markdown) as Root, 'code', (node: Code) => {
    if (node.lang !== CHART_BLOCK_LANG || !node.position) return;
    const lineCounter = new LineCounter();
    const doc = parseDocument(node.value, { lineCounter });
    if (doc.errors.length > 0 || !isMap(doc.contents)) return; // rendering the story reports it
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (!CHART_BLOCK_TEXT.includes(key) || !isScalar(value) || typeof value.value !== 'string' || !value.range) continue;
      const { line, col } = lineCounter.linePos(value.range[0]);
      // The YAML starts on the line after the opening fence.
      const start = { line: node.position.start.line + line, column: col };
      for (const figure of findFigures(value.value)) {
        found.push({
          key,
          text: figure.text,
          ...(figure.value === undefined ? {} : { value: figure.value }),
          ...placeIn(value.value, figure.index, start.line, start.column),
        });
      }
    }
  });
  return found;
}
