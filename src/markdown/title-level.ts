// The heading level of a chart's title where the chart sits: one below the section heading
// before it, 2 before any (the page's h1 is the headline), never past h6. So the page's
// headings never skip a level, whoever wrote the sections.
import type { Heading, Root } from 'mdast';
import type { Node } from 'unist';
import { EXIT, visit } from 'unist-util-visit';

export type TitleLevel = 2 | 3 | 4 | 5 | 6;

export function titleLevelAt(tree: Root, target: Node): TitleLevel {
  let section = 1;
  visit(tree, (node) => {
    if (node === target) return EXIT;
    if (node.type === 'heading') section = (node as Heading).depth;
    return undefined;
  });
  return Math.min(Math.max(section + 1, 2), 6) as TitleLevel;
}
