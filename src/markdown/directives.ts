// Shared ground for the story's directive plugins: node types, error reporting with the
// directive's place in the file, and attribute checks.
import type { Nodes, Root } from 'mdast';
import type { Node } from 'unist';
import type { Transformer } from 'unified';
// Registers the directive node types with mdast.
import type {} from 'remark-directive';
import { didYouMean, listNames } from './suggest.ts';

export type Directive = Extract<Nodes, { type: 'textDirective' | 'leafDirective' | 'containerDirective' }>;

/** The file a transformer is handed, without depending on `vfile` directly. */
export type StoryFile = Parameters<Transformer<Root>>[1];

const MARKERS: Record<Directive['type'], string> = {
  textDirective: ':',
  leafDirective: '::',
  containerDirective: ':::',
};

const SOURCE = 'customs-story';

export function isDirective(node: Node): node is Directive {
  return Object.hasOwn(MARKERS, node.type);
}

/** The colons that open the directive's form: ":", "::" or ":::". */
export function marker(node: Directive): string {
  return MARKERS[node.type];
}

/** The directive as an author would have typed its name: ":fact", "::chart". */
export function spelled(node: Directive): string {
  return marker(node) + node.name;
}

/** Stops the build with a message carrying the file, line and column of `node`. */
export function failAt(file: StoryFile, node: Node, ruleId: string, reason: string, cause?: Error): never {
  return file.fail(reason, { place: node.position, ruleId, source: SOURCE, cause });
}

/** Requires the directive to be written in the given form (inline, leaf or container). */
export function requireForm(file: StoryFile, node: Directive, type: Directive['type'], example: string): void {
  if (node.type !== type) {
    failAt(file, node, 'directive-form', `${spelled(node)} must be written as ${example}`);
  }
}

/** Requires every attribute to be one the directive understands. */
export function requireAttributes(file: StoryFile, node: Directive, allowed: readonly string[]): void {
  for (const name of Object.keys(node.attributes ?? {})) {
    if (!allowed.includes(name)) {
      failAt(
        file,
        node,
        'directive-attribute',
        `Unknown attribute "${name}" on ${spelled(node)}.${didYouMean(name, allowed)} ` + `Allowed: ${listNames(allowed, { conjunction: 'and' })}.`,
      );
    }
  }
}

/** Whether an attribute value is one of the values a directive accepts. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The label (`[…]`) as plain text, or undefined when it holds anything but text. */
export function labelText(node: Directive): string | undefined {
  let text = '';
  for (const child of node.children) {
    if (child.type !== 'text') return undefined;
    text += child.value;
  }
  return text;
}
