// Facts in the frontmatter: a headline, dek, summary or share-image text may hold
// :fact[key] like the prose, so a figure in the headline follows the data. Each field is run
// through the same fact plugin as the body, so the same styles and the same mistakes apply.
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { FactsFile } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';
import { remarkFacts, remarkNoUnknownDirectives, STORY_DIRECTIVES } from '../markdown/index.ts';

/** The frontmatter fields whose text may bind facts. */
export const FACT_FIELDS = ['title', 'dek', 'summary', 'shareImageAlt'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export interface BoundText {
  /** For meta tags, JSON-LD, the share card and other plain-text places. */
  text: string;
  /** For the page: figures as <data> elements with their tooltips. */
  html: string;
  /** The keys of the facts the text binds, in order. */
  facts: string[];
}

/** Takes a paragraph's content out of its <p>, so a headline can hold it. */
const unwrap = (html: string) => html.trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&#x3C;', '<')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&amp;', '&');

export interface FrontmatterFactsOptions {
  facts: Readonly<FactsFile>;
  lang: Lang;
  /** The story file, for messages. */
  path: string;
}

/** One field's text with its facts bound; throws "<file>: <field>: <reason>" on a bad fact. */
export function bindField(field: FactField, value: string, options: FrontmatterFactsOptions): BoundText {
  if (!value.includes(':')) return { text: value, html: escapeText(value), facts: [] };
  const processor = unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkFacts, { facts: options.facts, lang: options.lang })
    .use(remarkNoUnknownDirectives, { known: STORY_DIRECTIVES })
    .use(remarkRehype)
    .use(rehypeStringify);
  let html: string;
  const facts: string[] = [];
  try {
    const tree = processor.runSync(processor.parse(value));
    visit(tree, 'element', (element) => {
      if (typeof element.properties.dataFact === 'string') facts.push(element.properties.dataFact);
    });
    html = unwrap(processor.stringify(tree));
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? String(error);
    throw new Error(`${options.path}: ${field}: ${reason}`, { cause: error });
  }
  return { text: plain(html), html, facts };
}

export function bindFrontmatter(data: Record<FactField, string>, options: FrontmatterFactsOptions): Record<FactField, BoundText> {
  return Object.fromEntries(FACT_FIELDS.map((field) => [field, bindField(field, data[field], options)])) as Record<FactField, BoundText>;
}

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
