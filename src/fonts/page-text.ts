// Every character a built page can show, so a font can be cut down to exactly those glyphs:
// the text of its body (SVG labels, <noscript> and <template> content included) and the
// attributes shown as text (tooltips from title, image alt text, placeholders, and the
// data-label and data-text of chart marks, which the chart script shows on hover and
// focus). The characters set in bold are collected apart, so that the bold face carries
// only those: text inside HTML's bold elements and inside elements the page's CSS makes
// bold, plus the shown attributes, which the chart tooltips set in bold.
import { generate, parse, walk, type CssNode } from 'css-tree';
import { parseHTML } from 'linkedom';

export interface PageText {
  /** Every character the page can show. */
  all: Set<string>;
  /** The characters it may set in a bold weight; a subset of `all`. */
  bold: Set<string>;
}

const SHOWN_ATTRIBUTES = ['title', 'alt', 'placeholder', 'data-label', 'data-text'];
/** Elements browsers set in bold by default. */
const BOLD_ELEMENTS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'b', 'strong', 'th'];
const NOT_SHOWN = new Set(['SCRIPT', 'STYLE']);

const isBoldWeight = (value: string) => /\b(bold|bolder|[6-9]00)\b/.test(value);

/** Selectors of the rules in `css` that set a bold weight, without pseudo-classes and pseudo-elements. */
export function boldSelectors(css: string): string[] {
  const selectors: string[] = [];
  walk(parse(css), {
    visit: 'Rule',
    enter(rule) {
      let bold = false;
      walk(rule.block, {
        visit: 'Declaration',
        enter(declaration) {
          if ((declaration.property === 'font-weight' || declaration.property === 'font') && isBoldWeight(generate(declaration.value))) bold = true;
        },
      });
      if (!bold || rule.prelude.type !== 'SelectorList') return;
      rule.prelude.children.forEach((selector: CssNode) => {
        // A bold :hover or ::before is still bold text of the element it styles.
        const plain = generate(selector)
          .replace(/::?[a-z-]+(\([^)]*\))?/g, '')
          .trim();
        if (plain) selectors.push(plain);
      });
    },
  });
  return selectors;
}

function addText(into: Set<string>, text: string | null | undefined): void {
  for (const character of text ?? '') if (!/\s/.test(character)) into.add(character);
}

/** What `html` can show, given the CSS the page loads (`css`, all its stylesheets joined). */
export function pageText(html: string, css: string): PageText {
  const { document } = parseHTML(html);
  const all = new Set<string>();
  const bold = new Set<string>();
  const body = document.body;
  const textOf = (root: Node, into: Set<string>) => {
    const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!NOT_SHOWN.has(node.parentNode?.nodeName ?? '')) addText(into, node.nodeValue);
    }
  };
  textOf(body, all);
  for (const template of body.querySelectorAll('template')) textOf((template as HTMLTemplateElement).content, all);
  for (const element of body.querySelectorAll(SHOWN_ATTRIBUTES.map((name) => `[${name}]`).join(','))) {
    for (const name of SHOWN_ATTRIBUTES) {
      addText(all, element.getAttribute(name));
      addText(bold, element.getAttribute(name));
    }
  }
  for (const selector of [...BOLD_ELEMENTS, ...boldSelectors(css)]) {
    let matches: Iterable<Element>;
    try {
      matches = body.querySelectorAll(selector);
    } catch {
      // A selector linkedom cannot run: count all the page's text as bold rather than miss some.
      matches = [body];
    }
    for (const element of matches) textOf(element, bold);
  }
  return { all, bold };
}
