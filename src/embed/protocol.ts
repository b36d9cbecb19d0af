// The height messages an embedded chart sends to the page around it, in the three dialects
// existing integrations already listen for, and how our own parent script reads them back.
// Shared by src/client/embed-child.ts and src/client/embed-parent.ts so both agree.

/** pym.js joins its fields with this: `pym` xPYMx id xPYMx type xPYMx value. */
const PYM = 'xPYMx';

export function pymMessage(id: string, type: string, value: string): string {
  return ['pym', id, type, value].join(PYM);
}

/**
 * One height, said three ways: pym.js (the id is the one pym gave the child in `childId`),
 * Datawrapper's responsive-iframe object (keyed by chart id, which its listener looks for
 * in the iframe's src) and AMP's `embed-size` for amp-iframe.
 */
export function heightMessages(pymId: string, chartId: string, height: number): [string, object, object] {
  return [pymMessage(pymId, 'height', String(height)), { 'datawrapper-height': { [chartId]: height } }, { sentinel: 'amp', type: 'embed-size', height }];
}

/** A pym parent's "my width is …" message, which a child answers with its height. */
export function isPymWidthMessage(data: unknown): boolean {
  return typeof data === 'string' && data.startsWith(`pym${PYM}`) && data.split(PYM)[2] === 'width';
}

/** A height in CSS pixels, as a number or as pym's decimal string; nothing else. */
const usable = (height: unknown): number | undefined => {
  const value = typeof height === 'string' && /^\d+(\.\d+)?$/.test(height) ? Number(height) : height;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
};

/** The height in any of the three dialects, or undefined for anything else. */
export function readHeight(data: unknown): number | undefined {
  if (typeof data === 'string') {
    const fields = data.split(PYM);
    return fields.length === 4 && fields[0] === 'pym' && fields[2] === 'height' ? usable(fields[3]) : undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.sentinel === 'amp' && message.type === 'embed-size') return usable(message.height);
  const datawrapper = message['datawrapper-height'];
  if (typeof datawrapper === 'object' && datawrapper !== null) {
    const heights = Object.values(datawrapper);
    return heights.length === 1 ? usable(heights[0]) : undefined;
  }
  return undefined;
}
