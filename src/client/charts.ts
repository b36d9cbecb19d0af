// Optional tooltips for the server-rendered charts: the value of the bar or point under the
// pointer, under a tap, or reached with the arrow keys. Without this script every chart is
// still complete (values are written in the SVG, and the table is in the page); it only
// reads the data-label and data-text attributes render.ts writes. It also makes the data
// tables sortable. No dependencies.
import { initSortableTables } from './sortable-table.ts';

const DATUM = '[data-value]';
/** How far (CSS px) from a bar, or in time from a point, a pointer still picks it. */
const REACH = 24;
/** Space between a tooltip and its mark; more above a finger, so the finger does not hide it. */
const GAP = 10;
const FINGER_GAP = 32;

interface Artboard {
  box: HTMLElement;
  marks: SVGGraphicsElement[];
  current: number;
}

interface Chart {
  tooltip: HTMLElement;
  /** Where keyboard users hear the value; the tooltip itself is hidden from screen readers. */
  status: HTMLElement;
  active: SVGGraphicsElement | undefined;
}

const charts: Chart[] = [];

function element(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/**
 * The marks a pointer picks. A bar under the pointer, else the nearest bar within reach;
 * points on lines by their centres, the nearest in time (x) and then in value, anywhere over
 * the chart, so a finger picks the point whose centre it lands on even where neighbouring
 * points overlap it. Points drawn at the same place (two series with the same value in the
 * same month) are picked together, so each value can be reached.
 */
function marksAt(board: Artboard, event: PointerEvent): number[] {
  const hit = (event.target as Element).closest?.(DATUM);
  const direct = board.marks.indexOf(hit as SVGGraphicsElement);
  if (direct >= 0 && hit!.localName !== 'circle') return [direct];
  const scores = board.marks.map((mark) => {
    const r = mark.getBoundingClientRect();
    if (mark.localName === 'circle') {
      const dx = Math.abs(r.left + r.width / 2 - event.clientX);
      const dy = Math.abs(r.top + r.height / 2 - event.clientY);
      return dx - r.width / 2 <= REACH ? dx * 1e4 + dy : Infinity;
    }
    const dx = Math.max(r.left - event.clientX, 0, event.clientX - r.right);
    const dy = Math.max(r.top - event.clientY, 0, event.clientY - r.bottom);
    const score = Math.hypot(dx, dy);
    return score <= REACH ? score : Infinity;
  });
  const best = Math.min(...scores);
  if (best === Infinity) return [];
  return scores.flatMap((score, k) => (score - best < 0.5 ? [k] : []));
}

function hide(chart: Chart): void {
  chart.tooltip.hidden = true;
  chart.active?.classList.remove('is-active');
  chart.active = undefined;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Puts the tooltip where it covers nothing in `avoid` (the mark, and the pointer on it):
 * above, else below (not for a finger, whose hand is below), else beside, within the figure
 * and the window. Above and below, it is centred on `x` (the pointer, or the mark's centre).
 */
function place(tooltip: HTMLElement, avoid: Box, x: number, finger: boolean): void {
  const gap = finger ? FINGER_GAP : GAP;
  const figure = tooltip.closest('figure')!.getBoundingClientRect();
  const bounds = {
    left: Math.max(figure.left, 0),
    right: Math.min(figure.right, document.documentElement.clientWidth),
    top: Math.max(figure.top, 0),
    bottom: Math.min(figure.bottom, window.innerHeight),
  };
  const width = tooltip.offsetWidth;
  const height = tooltip.offsetHeight;
  const within = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));
  let left = within(x - width / 2, bounds.left, bounds.right - width);
  let top: number;
  if (avoid.top - gap - height >= bounds.top) top = avoid.top - gap - height;
  else if (!finger && avoid.bottom + gap + height <= bounds.bottom) top = avoid.bottom + gap;
  else {
    top = within((avoid.top + avoid.bottom - height) / 2, bounds.top, bounds.bottom - height);
    left = bounds.right - avoid.right >= avoid.left - bounds.left ? avoid.right + gap : avoid.left - gap - width;
  }
  // The artboards box, which chart.css positions: the tooltip is placed within it.
  const origin = tooltip.parentElement!.getBoundingClientRect();
  tooltip.style.left = `${left - origin.left}px`;
  tooltip.style.top = `${top - origin.top}px`;
}

/** Shows the values of marks (usually one) by the first, centred on the pointer when given. */
function show(chart: Chart, marks: SVGGraphicsElement[], at?: PointerEvent): void {
  const { tooltip } = chart;
  const mark = marks[0]!;
  tooltip.replaceChildren(
    ...marks.flatMap((m) => {
      const label = document.createElement('b');
      label.textContent = m.getAttribute('data-label');
      return [label, m.getAttribute('data-text') ?? ''];
    }),
  );
  if (chart.active !== mark) {
    chart.active?.classList.remove('is-active');
    mark.classList.add('is-active');
    chart.active = mark;
  }
  tooltip.hidden = false;
  const r = mark.getBoundingClientRect();
  const avoid = at
    ? { left: Math.min(r.left, at.clientX), right: Math.max(r.right, at.clientX), top: Math.min(r.top, at.clientY), bottom: Math.max(r.bottom, at.clientY) }
    : r;
  place(tooltip, avoid, at ? at.clientX : r.left + r.width / 2, at?.pointerType === 'touch');
}

function setUpArtboard(chart: Chart, box: HTMLElement): void {
  const board: Artboard = { box, marks: [...box.querySelectorAll<SVGGraphicsElement>(DATUM)], current: 0 };
  if (board.marks.length === 0) return;
  box.tabIndex = 0;
  box.setAttribute('role', 'group');
  // The words come from the frame, in the chart's language.
  box.setAttribute('aria-label', box.closest('[data-values-label]')?.getAttribute('data-values-label') ?? '');

  const follow = (event: PointerEvent) => {
    const picked = marksAt(board, event);
    if (picked.length === 0) hide(chart);
    else
      show(
        chart,
        picked.map((k) => board.marks[k]!),
        event,
      );
  };
  // Mice and pens follow the pointer; a finger shows the mark it taps and, on points too
  // close together to tap one by one, scrubs along them: the page still scrolls up and
  // down, but a sideways drag is the chart's. A tap beside every mark hides the tooltip
  // (touch pointers "leave" as soon as they lift).
  if (board.marks.some((mark) => mark.localName === 'circle')) box.style.touchAction = 'pan-y pinch-zoom';
  box.addEventListener('pointermove', follow);
  box.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'touch') return;
    // A touch is captured by the mark it starts on; released, the drag finds the others.
    (event.target as Element).releasePointerCapture?.(event.pointerId);
    follow(event);
  });
  box.addEventListener('pointerleave', (event) => {
    if (event.pointerType !== 'touch') hide(chart);
  });

  const announce = () => {
    const mark = board.marks[board.current]!;
    show(chart, [mark]);
    chart.status.textContent = `${mark.getAttribute('data-label')}: ${mark.getAttribute('data-text')}`;
  };
  // Focus from a click or a tap is not the keyboard's: the pointer handlers cover those.
  box.addEventListener('focus', () => {
    if (box.matches(':focus-visible')) announce();
  });
  box.addEventListener('blur', () => hide(chart));
  box.addEventListener('keydown', (event) => {
    const last = board.marks.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: board.current + 1,
      ArrowDown: board.current + 1,
      ArrowLeft: board.current - 1,
      ArrowUp: board.current - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    board.current = Math.min(Math.max(next, 0), last);
    announce();
  });
}

function setUpChart(figure: HTMLElement): void {
  const boards = figure.querySelector<HTMLElement>('.chart__artboards');
  if (!boards || figure.dataset.chartReady) return;
  figure.dataset.chartReady = 'true';
  const tooltip = element('div', 'chart__tooltip');
  tooltip.hidden = true;
  tooltip.setAttribute('aria-hidden', 'true');
  const status = element('div', 'visually-hidden');
  status.setAttribute('role', 'status');
  boards.append(tooltip, status);
  const chart: Chart = { tooltip, status, active: undefined };
  charts.push(chart);
  for (const box of boards.querySelectorAll<HTMLElement>('.chart__artboard')) setUpArtboard(chart, box);
}

/** Opens the data tables for printing, and closes again the ones the reader had closed. */
function printTables(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('.chart__data:not([open])')];
    for (const details of opened) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
  });
}

let started = false;

/** Sets up every chart in the page; safe to call again after adding charts. */
export function init(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) setUpChart(figure);
  initSortableTables();
  if (started) return;
  started = true;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') for (const chart of charts) hide(chart);
  });
  // A tap outside the charts hides any tooltip a tap opened.
  document.addEventListener('pointerdown', (event) => {
    if (!(event.target as Element).closest?.('.chart__artboards')) for (const chart of charts) hide(chart);
  });
  printTables();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
