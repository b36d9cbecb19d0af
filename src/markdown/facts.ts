// remarkFacts: `:fact[key]{as=usd precision=1}` becomes a <data> element holding the
// fact's figure in the story's language, so no number in a story is typed by hand.
import type { Fact, FactsFile } from '../contract/index.ts';
import type { Root } from 'mdast';
import type { ElementContent, Properties } from 'hast';
import type { Transformer } from 'unified';
// Adds the `hName`/`hProperties`/`hChildren` data fields remark-rehype reads.
import type {} from 'remark-rehype';
import { visit } from 'unist-util-visit';
import {
  FACT_STYLES,
  formatFact,
  formatPeriod,
  formatValue,
  ratesText,
  type FactFormatOptions,
  type FactStyle,
  type FormattedFact,
  type Lang,
} from '../format/index.ts';
import { strings } from '../i18n/index.ts';
import { didYouMean, listNames } from './suggest.ts';
import { failAt, isDirective, isOneOf, labelText, requireAttributes, requireForm, spelled, type Directive, type StoryFile } from './directives.ts';

export const FACT_DIRECTIVE = 'fact';

const ATTRIBUTES = ['as', 'precision', 'counter'] as const;

export interface RemarkFactsOptions {
  facts: Readonly<FactsFile>;
  lang: Lang;
}

function readStyle(file: StoryFile, node: Directive, value: string | null | undefined): FactStyle | undefined {
  if (value === undefined || value === null) return undefined;
  if (isOneOf(FACT_STYLES, value)) return value;
  return failAt(
    file,
    node,
    'fact-attribute',
    `Unknown style as="${value}" on ${spelled(node)}.${didYouMean(value, FACT_STYLES)} ` + `Styles: ${listNames(FACT_STYLES, { conjunction: 'and' })}.`,
  );
}

function readPrecision(file: StoryFile, node: Directive, value: string | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (/^(?:10|\d)$/.test(value)) return Number(value);
  return failAt(file, node, 'fact-attribute', `precision="${value}" on ${spelled(node)} must be a whole number from 0 to 10`);
}

function findFact(file: StoryFile, node: Directive, facts: Readonly<FactsFile>): Fact {
  const key = labelText(node)?.trim();
  if (!key) {
    return failAt(file, node, 'fact-key', `${spelled(node)} needs a plain fact key, as in :fact[imports-2024]`);
  }
  // Own keys only: "constructor" must not find Object's.
  const fact = Object.hasOwn(facts, key) ? facts[key] : undefined;
  if (fact) return fact;
  const hint = didYouMean(key, Object.keys(facts)) || ` No known fact key is close (${Object.keys(facts).length} facts loaded).`;
  return failAt(file, node, 'unknown-fact', `Unknown fact "${key}" in ${spelled(node)}[${key}].${hint}`);
}

/** Formats the fact, turning a formatting error (no rank, no declared rate) into one at the directive. */
function format(file: StoryFile, node: Directive, fact: Fact, options: FactFormatOptions): FormattedFact {
  try {
    return formatFact(fact, options);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return failAt(file, node, 'fact-format', `Cannot format ${spelled(node)}[${fact.key}]: ${error.message}`, error);
  }
}

/** Tooltip: what the figure is and when; for dollars also the yuan figure and the rate. */
function titleFor(fact: Fact, lang: Lang, rateNote: string | undefined): string {
  // Descriptions usually name their period already; add it only where they do not.
  const period = formatPeriod(fact.period, lang);
  const what = fact.description.includes(period) ? fact.description : `${fact.description}, ${period}`;
  const restated =
    fact.conversion && fact.conversion.rates.length > 0
      ? ` ${strings(lang).frame.convertedAt(ratesText(fact.conversion, lang, strings(lang).chart.list))}`
      : '';
  return rateNote === undefined ? `${what}${restated}` : `${what}: ${formatValue(fact.value, fact.unit, { lang })}, ${rateNote}${restated}`;
}

export function remarkFacts(options: RemarkFactsOptions): Transformer<Root> {
  const { facts, lang } = options;
  return (tree, file) => {
    visit(tree, (node) => {
      if (!isDirective(node) || node.name !== FACT_DIRECTIVE) return;
      requireForm(file, node, 'textDirective', ':fact[key] inside a sentence');
      requireAttributes(file, node, ATTRIBUTES);
      const fact = findFact(file, node, facts);
      const attributes = node.attributes ?? {};
      const formatted = format(file, node, fact, {
        lang,
        as: readStyle(file, node, attributes.as),
        precision: readPrecision(file, node, attributes.precision),
        counter: attributes.counter ?? undefined,
      });
      const properties: Properties = {
        className: fact.synthetic ? ['fact', 'fact--sample'] : ['fact'],
        value: String(formatted.value),
        dataFact: fact.key,
        title: titleFor(fact, lang, formatted.rateNote),
      };
      const figure: ElementContent[] = [{ type: 'text', value: formatted.text }];
      if (attributes.as === 'label') {
        // A name is no number: plain text, still marked as bound to its fact.
        node.data = {
          ...node.data,
          hName: 'span',
          hProperties: { className: ['fact', 'fact--label'], dataFact: fact.key, title: properties.title },
          hChildren: figure,
        };
        return;
      }
      if (!formatted.rateNote) {
        node.data = { ...node.data, hName: 'data', hProperties: properties, hChildren: figure };
        return;
      }
      // A conversion names its rate in the text itself, not only in a tooltip that touch
      // and screen-reader users never see.
      node.data = {
        ...node.data,
        hName: 'span',
        hProperties: { className: ['fact-converted'] },
        hChildren: [
          { type: 'element', tagName: 'data', properties, children: figure },
          { type: 'element', tagName: 'span', properties: { className: ['fact__rate'] }, children: [{ type: 'text', value: ` ${formatted.rateNote}` }] },
        ],
      };
    });
  };
}
