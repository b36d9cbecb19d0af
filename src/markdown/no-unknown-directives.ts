// remarkNoUnknownDirectives: a directive no plugin handles would vanish from the page
// without a word, so any name outside `known` stops the build at its line. This also
// catches colons remark-directive reads as directives, as in "7:30pm" or "a:b".
import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';
import { didYouMean, listNames } from './suggest.ts';
import { failAt, isDirective, marker, spelled } from './directives.ts';

export interface RemarkNoUnknownDirectivesOptions {
  /** Directive names other plugins handle, without colons: ["fact", "chart"]. */
  known: readonly string[];
}

export function remarkNoUnknownDirectives(options: RemarkNoUnknownDirectivesOptions): Transformer<Root> {
  const { known } = options;
  return (tree, file) => {
    visit(tree, (node) => {
      if (!isDirective(node) || known.includes(node.name)) return;
      // Suggest in the form the author used: "::chrt" → "::chart".
      const sameForm = (name: string) => `"${marker(node)}${name}"`;
      failAt(
        file,
        node,
        'unknown-directive',
        `Unknown directive "${spelled(node)}".${didYouMean(node.name, known, sameForm)} ` +
          `Known directives: ${listNames(known, { conjunction: 'and' })}. ` +
          'To write a colon before a word or digit, escape it as "\\:".',
      );
    });
  };
}
