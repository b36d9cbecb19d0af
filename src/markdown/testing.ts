// Test support: runs story plugins through the same remark → rehype chain a page uses.
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';

export const TEST_PATH = 'story.md';

/** Markdown to HTML with the given plugins between remark-directive and remark-rehype. */
export function renderWith(plugins: PluggableList, markdown: string): string {
  const file = unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(plugins)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .processSync({ path: TEST_PATH, value: markdown });
  return String(file);
}

export interface Failure {
  /** "story.md:3:1-3:20: reason", as the build prints it. */
  printed: string;
  ruleId: string | undefined;
  line: number | undefined;
  column: number | undefined;
}

/** The message a render stops with; throws if it does not stop. */
export function failureOf(plugins: PluggableList, markdown: string): Failure {
  try {
    renderWith(plugins, markdown);
  } catch (error) {
    const fields = error as Partial<Failure> & { ruleId?: string; line?: number; column?: number };
    return { printed: String(error), ruleId: fields.ruleId, line: fields.line, column: fields.column };
  }
  throw new Error('Expected the render to fail');
}
