// A story's frontmatter read with its line numbers, and checked against the schema, so every
// problem can point at the line of its field: `npm run check`, the dev banner and the build
// (before Astro, whose own message cannot name a line) all report through here.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';
import { StoryFrontmatterError, validateStoryFrontmatter } from './validate.ts';

export interface Frontmatter {
  doc: Document | undefined;
  lineCounter: LineCounter;
  /** File line of the frontmatter's first YAML line. */
  firstLine: number;
}

/** The YAML between the opening and closing "---" lines, if the file starts with them. */
export function readFrontmatter(source: string): Frontmatter {
  const lineCounter = new LineCounter();
  const lines = source.split(/\r?\n/);
  const close = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  if (close < 0) return { doc: undefined, lineCounter, firstLine: 2 };
  return { doc: parseDocument(lines.slice(1, close).join('\n'), { lineCounter }), lineCounter, firstLine: 2 };
}

/** File line of a top-level frontmatter key, or of the frontmatter's start. */
export function keyLine(fm: Frontmatter, key: string): number {
  const contents = fm.doc?.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        return fm.firstLine - 1 + fm.lineCounter.linePos(pair.key.range[0]).line;
      }
    }
  }
  return fm.firstLine - 1;
}

export interface CheckedFrontmatter {
  /** The frontmatter as written (parsed YAML). */
  frontmatter: Record<string, unknown>;
  /** The story's language (English where the frontmatter does not say). */
  lang: Lang;
  problems: Problem[];
}

/** Every problem of the frontmatter, each at the line of its field. */
export function checkFrontmatter(fm: Frontmatter, file: string): CheckedFrontmatter {
  const problems: Problem[] = [];
  if (!fm.doc) {
    problems.push({ file, line: 1, message: 'the story must start with its frontmatter between two "---" lines (run `npm run new -- <slug>` for a template)' });
  }
  for (const error of fm.doc?.errors ?? []) {
    problems.push({
      file,
      line: fm.firstLine - 1 + fm.lineCounter.linePos(error.pos[0]).line,
      message: `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
    });
  }
  const raw: unknown = fm.doc && fm.doc.errors.length === 0 ? fm.doc.toJS() : {};
  const frontmatter = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  let lang: Lang = frontmatter.lang === 'ko' ? 'ko' : 'en';
  if (fm.doc && fm.doc.errors.length === 0) {
    try {
      lang = validateStoryFrontmatter(file, frontmatter).lang;
    } catch (error) {
      if (!(error instanceof StoryFrontmatterError)) throw error;
      for (const problem of error.problems) {
        // "<file>: <field>: <message>": point at the field's top-level key.
        const message = problem.startsWith(`${file}: `) ? problem.slice(file.length + 2) : problem;
        problems.push({ file, line: keyLine(fm, /^[A-Za-z]+/.exec(message)?.[0] ?? ''), message });
      }
    }
  }
  return { frontmatter, lang, problems };
}

/** Every story's frontmatter problems, read from the files in `dir` (without building anything). */
export async function storiesFrontmatterProblems(dir: string): Promise<Problem[]> {
  const names = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).sort();
  const problems: Problem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const source = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    problems.push(...checkFrontmatter(readFrontmatter(source), path).problems);
  }
  return problems;
}
