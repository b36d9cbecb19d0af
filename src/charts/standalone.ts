// A chart artboard as a standalone SVG file, for PNG rendering (share images, embed
// fallbacks): renderers like resvg know neither CSS custom properties nor the page's
// stylesheet, so chart.css's colour rules are resolved for one theme and inlined.
import type { Aggregate } from '../contract/index.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeHTML } from 'entities';
import { buildCache, jsonCodec } from '../site/cache.ts';
import { hashParts } from '../fs/digest.ts';
import { escapeHtml } from './html.ts';
import { artboardKey, renderArtboard, serializeAttributes } from './render.ts';
import type { ChartSpec, Layout } from './spec.ts';

export type Theme = 'light' | 'dark';

// Read from the project, not next to this module: in a site build this code is bundled
// elsewhere. Every command runs from the project root.
let chartCss: string | undefined;
const CHART_CSS = () => (chartCss ??= readFileSync(resolve('src/charts/chart.css'), 'utf8'));

/** The chart colour variables of one theme, as chart.css declares them. */
export function themeColors(theme: Theme): Record<string, string> {
  const light = declarations(/\.chart\s*\{([^}]*)\}/.exec(CHART_CSS())?.[1] ?? '');
  if (theme === 'light') return light;
  const dark = /prefers-color-scheme:\s*dark\)\s*\{\s*\.chart\s*\{([^}]*)\}/.exec(CHART_CSS())?.[1];
  return { ...light, ...declarations(dark ?? '') };
}

function declarations(block: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) result[match[1]!] = match[2]!.trim();
  return result;
}

/** chart.css's declarations for each .chart__* class, with colours resolved. */
function classStyles(colors: Record<string, string>): Map<string, Record<string, string>> {
  const styles = new Map<string, Record<string, string>>();
  for (const match of CHART_CSS().matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = match[1]!.trim().split(/\s*,\s*/);
    if (!selectors.every((s) => /^\.chart__[\w-]+$/.test(s))) continue;
    const body = match[2]!.replace(/var\((--[\w-]+)\)/g, (_, name: string) => colors[name] ?? 'currentColor');
    for (const selector of selectors) {
      const name = selector.slice(1);
      styles.set(name, { ...styles.get(name), ...declarations(body.replace(/(^|;)\s*([a-z-]+)\s*:/g, '$1--$2:')) });
    }
  }
  return styles;
}

export function standaloneSvg(spec: ChartSpec, aggregate: Aggregate, layout: Layout, theme: Theme = 'light'): { svg: string; width: number; height: number } {
  // Each PNG, thumbnail and share card asks for it: drawn once, cached like the artboard.
  return buildCache().memo(
    'standalone',
    () => hashParts(artboardKey(spec, aggregate, layout), theme),
    jsonCodec<{ svg: string; width: number; height: number }>(),
    () => drawStandalone(spec, aggregate, layout, theme),
  );
}

function drawStandalone(spec: ChartSpec, aggregate: Aggregate, layout: Layout, theme: Theme): { svg: string; width: number; height: number } {
  const { svg, width, height } = renderArtboard(spec, aggregate, layout);
  return { svg: resolveStyles(svg, themeColors(theme), width, height), width, height };
}

/** An element's attributes in order, their values unescaped. */
type Attributes = Map<string, string>;

const ATTRIBUTE = /\s([^\s=]+)="([^"]*)"/g;

/**
 * The artboard's markup with chart.css's class styles as presentation attributes and
 * currentColor as the colour it stands for, which every SVG renderer understands; with the
 * size set and the theme's background behind. Works on the markup serialize() writes (every
 * `<`, `>` and `"` in a value escaped), tag by tag, without parsing it into a tree.
 */
export function resolveStyles(svg: string, colors: Record<string, string>, width: number, height: number): string {
  const styles = classStyles(colors);
  /** Per open element: its colour and its fill and stroke as declared (maybe currentColor), which children inherit. */
  const open: { color: string; paint: Record<string, string | null> }[] = [];
  return svg.replace(/<(\/?)([^\s/>]+)([^>]*?)(\/?)>/g, (tag, closing: string, name: string, rest: string, selfClosing: string) => {
    if (closing) {
      open.pop();
      return tag;
    }
    const attributes: Attributes = new Map([...rest.matchAll(ATTRIBUTE)].map(([, key, value]) => [key!, decodeHTML(value!)]));
    let background = '';
    if (open.length === 0) {
      attributes.set('xmlns', 'http://www.w3.org/2000/svg').set('width', String(width)).set('height', String(height));
      background = `<rect width="100%" height="100%" fill="${escapeHtml(colors['--chart-background'] ?? '#ffffff')}"/>`;
    }
    const parent = open.at(-1) ?? { color: colors['--chart-text'] ?? '#000000', paint: {} };
    const applied: Record<string, string> = {};
    for (const className of (attributes.get('class') ?? '').split(/\s+/)) Object.assign(applied, styles.get(className));
    for (const [property, value] of Object.entries(applied)) if (property !== '--color') attributes.set(property.slice(2), value);
    const color = applied['--color'] ?? attributes.get('color') ?? parent.color;
    attributes.delete('color');
    const paint: Record<string, string | null> = {};
    for (const attribute of ['fill', 'stroke']) {
      paint[attribute] = attributes.get(attribute) ?? parent.paint[attribute] ?? null;
      if (paint[attribute] === 'currentColor') attributes.set(attribute, color);
    }
    if (!selfClosing) open.push({ color, paint });
    const markup = `<${name}${serializeAttributes(attributes)}`;
    if (!selfClosing) return `${markup}>${background}`;
    return background ? `${markup}>${background}</${name}>` : `${markup}/>`;
  });
}
