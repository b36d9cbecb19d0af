// What a page makes a reader download, gzipped: the JavaScript and CSS a built HTML page
// references (same-origin files in the build), the modules those scripts import, plus its
// inline scripts and styles; and the fonts of a Korean page, whose cuts the build makes.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { buildCache, buildCodeVersion, jsonCodec } from '../site/cache.ts';
import { BuiltTexts } from './built-texts.ts';
import { hashParts } from '../fs/digest.ts';

export interface PageWeight {
  page: string;
  /** Gzipped bytes of all the page's scripts, external and inline. */
  js: number;
  css: number;
  html: number;
}

const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** The file in the build folder `distDir` that a page's site-absolute `url` names. */
export function builtFile(distDir: string, url: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return join(distDir, url.startsWith(prefix) ? url.slice(prefix.length) : url);
}

/** Gzipped sizes of the build's files, each compressed once however many pages load it. */
export type GzippedFiles = Map<string, number>;

function gzippedFile(file: string, sizes: GzippedFiles): { source: string; size: number } {
  const source = readFileSync(file, 'utf8');
  let size = sizes.get(file);
  if (size === undefined) sizes.set(file, (size = gzipped(source)));
  return { source, size };
}

/** Gzipped bytes of the scripts of a parsed page, external and inline, with the modules they import. */
function scriptWeight(document: Document, distDir: string, page: string, base: string, sizes: GzippedFiles): number {
  const local = (url: string) => builtFile(distDir, url, base);
  let js = 0;
  const modules = new Set<string>();
  // A bundler splits shared code into chunks the entry imports (`import"./charts.js"`): the
  // reader downloads those too, each once however many scripts import it.
  const follow = (code: string, importer: string) => {
    for (const [, specifier] of code.matchAll(/\b(?:import|from)\s*["'`]((?:\.\.?)?\/[^"'`]+)["'`]/g)) {
      const file = specifier!.startsWith('/') ? local(specifier!) : join(dirname(importer), specifier!);
      if (modules.has(file)) continue;
      modules.add(file);
      const { source, size } = gzippedFile(file, sizes);
      js += size;
      follow(source, file);
    }
  };
  for (const script of document.querySelectorAll('script')) {
    if (script.getAttribute('type') === 'application/ld+json') continue;
    const src = script.getAttribute('src');
    if (src && modules.has(local(src))) continue;
    const code = src ? gzippedFile(local(src), sizes) : { source: script.textContent ?? '', size: gzipped(script.textContent ?? '') };
    if (src) modules.add(local(src));
    js += code.size;
    follow(code.source, src ? local(src) : join(distDir, page));
  }
  return js;
}

/**
 * A page's script elements, parsed without the rest: a story page is mostly its charts' SVG,
 * and parsing all of it for the scripts took most of the budget check. A script's text ends
 * at the first `</script`, in HTML as here.
 */
function scriptElements(html: string): Document {
  return parseHTML([...html.matchAll(/<script\b[\s\S]*?<\/script\s*>/gi)].map(([element]) => element).join('')).document;
}

/** Gzipped bytes of the stylesheets of a parsed page, linked and inline. */
function styleWeight(document: Document, distDir: string, base: string, sizes: GzippedFiles): number {
  let css = 0;
  for (const link of document.querySelectorAll('link[rel="stylesheet"]')) css += gzippedFile(builtFile(distDir, link.getAttribute('href')!, base), sizes).size;
  for (const style of document.querySelectorAll('style')) css += gzipped(style.textContent ?? '');
  return css;
}

/** `page` is the HTML file's path inside `distDir`; `base` the site's base path. */
export function pageWeight(distDir: string, page: string, base = '/', sizes: GzippedFiles = new Map()): PageWeight {
  const html = readFileSync(join(distDir, page), 'utf8');
  const { document } = parseHTML(html);
  return { page, js: scriptWeight(document, distDir, page, base, sizes), css: styleWeight(document, distDir, base, sizes), html: gzipped(html) };
}

export interface Budget {
  /** Which pages: a test on the HTML file's path inside the build. */
  pages: RegExp;
  label: string;
  maxJs: number;
}

export const BUDGETS: Budget[] = [
  { pages: /^embed\/[^/]+\/index\.html$/, label: 'an embed page', maxJs: 5 * 1024 },
  { pages: /^(?!embed\/)[^/]+\/index\.html$/, label: 'a story page', maxJs: 10 * 1024 },
];

/** Every script file of the build, by name and bytes: what any page's scripts can load. */
function scriptFiles(distDir: string): string {
  const names = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.m?js$/.test(name))
    .sort();
  return hashParts(...names.flatMap((name) => [name, readFileSync(join(distDir, name))]));
}

/**
 * Every page over its JavaScript budget, as messages a developer can act on. A page's weight
 * is kept by the build cache, keyed by its HTML and every script file of the build, so a
 * rebuild weighs only the pages that changed.
 */
export function overBudget(distDir: string, pages: string[], base = '/', texts = new BuiltTexts(distDir)): string[] {
  const problems: string[] = [];
  const sizes: GzippedFiles = new Map();
  let scripts: string | undefined;
  for (const page of pages) {
    const budget = BUDGETS.find((b) => b.pages.test(page));
    if (!budget) continue;
    const html = texts.read(page);
    const js = buildCache().memo(
      'page-js',
      () => hashParts(buildCodeVersion(), base, page, html, (scripts ??= scriptFiles(distDir))),
      jsonCodec<number>(),
      () => scriptWeight(scriptElements(html), distDir, page, base, sizes),
      { memory: false },
    );
    if (js > budget.maxJs) {
      problems.push(`${page} ships ${(js / 1024).toFixed(1)} KB of gzipped JavaScript; ${budget.label} may ship ${budget.maxJs / 1024} KB`);
    }
  }
  return problems;
}

/** What the fonts of a Korean page may weigh in all: the Latin pages' four files weigh 73 KB. */
export const KOREAN_FONT_BUDGET = 150 * 1024;

/** Every Korean page whose fonts weigh more than KOREAN_FONT_BUDGET. */
export function fontsOverBudget(pages: { page: string; files: { bytes: number }[] }[]): string[] {
  return pages
    .map(({ page, files }) => ({ page, bytes: files.reduce((sum, file) => sum + file.bytes, 0) }))
    .filter(({ bytes }) => bytes > KOREAN_FONT_BUDGET)
    .map(
      ({ page, bytes }) =>
        `${page} makes readers download ${(bytes / 1024).toFixed(1)} KB of fonts; a Korean page may download ${KOREAN_FONT_BUDGET / 1024} KB`,
    );
}
