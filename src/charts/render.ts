// Server-side rendering of one artboard: Plot draws into a linkedom document, then the SVG
// is made accessible and deterministic and serialized by hand (linkedom leaves `<` and `&`
// unescaped in attribute values).
import type { Aggregate } from '../contract/index.ts';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { buildCache, buildCodeVersion, jsonCodec } from '../site/cache.ts';
import { hashParts, type HashPart } from '../fs/digest.ts';
import { readDatum } from './datum.ts';
import { escapeHtml } from './html.ts';
import type { ChartSpec, Layout } from './spec.ts';

export interface Artboard {
  layout: Layout;
  /** The SVG's own size, in the units of its viewBox. */
  width: number;
  height: number;
  svg: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A cache key for something made from one chart: the code, the chart's definition and
 * language, the data, and whatever else it depends on (`parts`).
 */
export function chartKey(spec: ChartSpec, aggregate: Aggregate, ...parts: HashPart[]): string {
  return hashParts(buildCodeVersion(), spec.cacheKey, spec.id, spec.lang, aggregate, ...parts);
}

/** What an artboard's drawing depends on: the chart, and the artboard. */
export function artboardKey(spec: ChartSpec, aggregate: Aggregate, layout: Layout): string {
  return chartKey(spec, aggregate, layout);
}

/**
 * One artboard, drawn once per build however many pages show it, and kept for the next
 * build by the content-addressed cache (src/site/cache.ts): the same bytes as drawing it.
 */
export function renderArtboard(spec: ChartSpec, aggregate: Aggregate, layout: Layout): Artboard {
  const drawn = buildCache().memo(
    'artboard',
    () => artboardKey(spec, aggregate, layout),
    jsonCodec<Omit<Artboard, 'layout'>>(),
    () => {
      const { width, height, svg } = drawArtboard(spec, aggregate, layout);
      return { width, height, svg };
    },
  );
  return { layout, ...drawn };
}

function drawArtboard(spec: ChartSpec, aggregate: Aggregate, layout: Layout): Artboard {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  // A fixed class per chart instead of Plot's default keeps the output the same on every build.
  const root = Plot.plot({ ...spec.plot(aggregate, layout), width: layout.width, document, className: `plot-${spec.id}` });
  if (root.localName !== 'svg') {
    throw new Error(`chart ${spec.id}: Plot returned <${root.localName}>, expected a bare <svg> (no legend, title or caption options)`);
  }
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));

  // Plot's <style> would repeat per artboard; chart.css carries the same rules once.
  for (const style of [...root.querySelectorAll('style')]) style.remove();
  for (const element of [...root.querySelectorAll('*')]) cleanElement(element);

  const titleId = `chart-${spec.id}-${layout.name}-title`;
  const title = document.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', titleId);
  title.textContent = spec.altText(aggregate);
  root.insertBefore(title, root.firstChild);
  root.setAttribute('role', 'img');
  root.setAttribute('aria-labelledby', titleId);
  root.removeAttribute('aria-label');
  root.removeAttribute('aria-description');
  root.setAttribute('font-size', String(layout.fontSize));
  root.setAttribute('width', '100%');
  root.removeAttribute('height');
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { layout, width, height, svg: serialize(root) };
}

/** Turns datum labels into data attributes and drops Plot's other ARIA on shapes and groups. */
function cleanElement(element: Element): void {
  const label = element.getAttribute('aria-label');
  const datum = label === null ? undefined : readDatum(label);
  if (datum) {
    element.setAttribute('data-label', datum.label);
    element.setAttribute('data-value', String(datum.value));
    element.setAttribute('data-text', datum.text);
    if (datum.className) element.setAttribute('class', datum.className);
  }
  element.removeAttribute('aria-label');
  element.removeAttribute('aria-description');
}

/** Two decimals are a hundredth of a pixel: Plot's full float precision only adds bytes. */
function roundCoordinates(value: string): string {
  return value.replace(/\d*\.\d{3,}/g, (number) => String(Math.round(Number(number) * 100) / 100));
}

/** Markup of an SVG tree as XML: text and every attribute value escaped (`<` included, which resvg and XML parsers refuse raw). */
export function serialize(node: Node): string {
  if (node.nodeType === 3) return escapeHtml((node as Text).data);
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const attributes = serializeAttributes([...element.attributes].map(({ name, value }) => [name, value]));
  const children = [...element.childNodes].map(serialize).join('');
  const tag = element.localName;
  return children ? `<${tag}${attributes}>${children}</${tag}>` : `<${tag}${attributes}/>`;
}

/** Attributes as serialize() writes them, each with its leading space. */
export function serializeAttributes(attributes: Iterable<[string, string]>): string {
  let markup = '';
  for (const [name, value] of attributes) markup += ` ${name}="${escapeHtml(name.startsWith('data-') ? value : roundCoordinates(value))}"`;
  return markup;
}
