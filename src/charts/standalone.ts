// A chart artboard as a standalone SVG file, for PNG rendering (share images, embed
// fallbacks): renderers like resvg know neither CSS custom properties nor the page's
// stylesheet, so chart.css's colour rules are resolved for one theme and inlined.
import type { Aggregate } from '../contract/index.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildCache, jsonCodec } from '../site/cache.ts';
import { hashParts } from '../fs/digest.ts';
import { artboardKey, renderArtboard, serialize } from './render.ts';
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
  const colors = themeColors(theme);
  const styles = classStyles(colors);
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg')!;
  root.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  // Class styles become presentation attributes and currentColor becomes the colour it
  // stands for: every SVG renderer understands that.
  // `paint` carries fill and stroke as declared (maybe currentColor), inherited down the tree.
  const resolve = (element: Element, inheritedColor: string, inheritedPaint: Record<string, string | null>) => {
    const applied: Record<string, string> = {};
    for (const name of (element.getAttribute('class') ?? '').split(/\s+/)) Object.assign(applied, styles.get(name));
    for (const [property, value] of Object.entries(applied)) if (property !== '--color') element.setAttribute(property.slice(2), value);
    const color = applied['--color'] ?? element.getAttribute('color') ?? inheritedColor;
    element.removeAttribute('color');
    const paint: Record<string, string | null> = {};
    for (const attribute of ['fill', 'stroke']) {
      paint[attribute] = element.getAttribute(attribute) ?? inheritedPaint[attribute] ?? null;
      if (paint[attribute] === 'currentColor') element.setAttribute(attribute, color);
    }
    for (const child of [...element.children]) resolve(child, color, paint);
  };
  resolve(root, colors['--chart-text'] ?? '#000000', {});
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', colors['--chart-background'] ?? '#ffffff');
  root.insertBefore(background, root.firstChild);
  // Not outerHTML: linkedom leaves `<` unescaped in attribute values (a data-label holding
  // a product name), which is not XML and which resvg refuses.
  return { svg: serialize(root), width, height };
}
