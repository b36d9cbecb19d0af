// One standalone SVG document placed inside another, keeping what its root element says
// (viewBox, font, fill, text-anchor), which its text inherits.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

// An opening tag whose attribute values may hold '>'.
const OPEN_SVG = /<svg\b(?:[^>"']|"[^"]*"|'[^']*')*>/;
const PLACEMENT = /\s(?:x|y|width|height|preserveAspectRatio)\s*=\s*(?:"[^"]*"|'[^']*')/g;

/** The SVG drawn into `box`, scaled to fit it and aligned top left. */
export function nestSvg(svg: string, box: Box): string {
  const open = OPEN_SVG.exec(svg);
  if (!open) throw new Error('not an SVG document: no <svg> element');
  const tag = open[0];
  const size = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([\\d.]+)`).exec(tag)?.[1];
  const viewBox = /\sviewBox\s*=/.test(tag) ? '' : ` viewBox="0 0 ${size('width') ?? box.width} ${size('height') ?? box.height}"`;
  const attributes = tag.slice(4, -1).replace(PLACEMENT, '');
  const placed = `<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" preserveAspectRatio="xMinYMin meet"${viewBox}${attributes}>`;
  return placed + svg.slice(open.index + tag.length, svg.lastIndexOf('</svg>')) + '</svg>';
}
