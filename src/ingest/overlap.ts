// Finds downloads that cover the same trade twice: same flow, code, partner, trade mode and
// place in overlapping periods. Adding both would double-count, so the data step fails.
// Codes of different lengths overlap when one is a prefix of the other, and a column a
// download lacks stands for every value of it.
import type { Flow, Problem, TradeRecord } from '../contract/index.ts';
import { monthIndex, monthName } from '../months.ts';

const DIMENSIONS = ['partner_code', 'trade_mode_code', 'place_code'] as const;
type Dimension = (typeof DIMENSIONS)[number];

interface Span {
  start: number;
  end: number;
  line: number;
}

/**
 * Month spans of one key, flat as [start, end, line, start, end, line, …]: a number per
 * field, not an object per row, and consecutive months of a monthly download merged into
 * one span (with the line of its first row), so memory grows with the keys, not the rows.
 */
type Spans = number[];

function* spansOf(spans: Spans): Generator<Span> {
  for (let k = 0; k < spans.length; k += 3) yield { start: spans[k]!, end: spans[k + 1]!, line: spans[k + 2]! };
}

/** What one file covers: for each key, the months its rows span and where they start. */
export class FileCoverage {
  readonly file: string;
  readonly flow: Flow;
  /** The key columns the download has; known once its header is read. */
  dimensions: ReadonlySet<Dimension> = new Set(DIMENSIONS);
  codeLength = 0;
  start = Infinity;
  end = -Infinity;
  readonly keys = new Map<string, Spans>();

  constructor(file: string, flow: Flow) {
    this.file = file;
    this.flow = flow;
  }

  setColumns(columns: Iterable<string>): void {
    const present = new Set(columns);
    this.dimensions = new Set(DIMENSIONS.filter((d) => present.has(d)));
  }

  add(record: TradeRecord): void {
    const start = monthIndex(record.period_start);
    const end = record.period_end === record.period_start ? start : monthIndex(record.period_end);
    this.codeLength = record.hs_code.length;
    if (start < this.start) this.start = start;
    if (end > this.end) this.end = end;
    const key = `${record.hs_code}|${record.partner_code}|${record.trade_mode_code}|${record.place_code}`;
    const spans = this.keys.get(key);
    if (!spans) {
      this.keys.set(key, [start, end, record.line]);
      return;
    }
    const last = spans.length - 3;
    if (start >= spans[last]! && start <= spans[last + 1]! + 1) spans[last + 1] = Math.max(spans[last + 1]!, end);
    else spans.push(start, end, record.line);
  }
}

export function findOverlaps(files: readonly FileCoverage[]): Problem[] {
  const problems: Problem[] = [];
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      const a = files[i]!;
      const b = files[j]!;
      if (a.flow !== b.flow || a.end < b.start || b.end < a.start || a.keys.size === 0 || b.keys.size === 0) continue;
      const clash = firstClash(a, b);
      if (clash) {
        problems.push({
          file: a.file,
          line: clash.lineA,
          message: `overlaps ${b.file} (line ${clash.lineB}): both hold ${a.flow}s of ${clash.description}; adding both would count that trade twice, so remove one file or narrow its query`,
        });
      }
    }
  }
  return problems;
}

interface Clash {
  lineA: number;
  lineB: number;
  description: string;
}

function firstClash(a: FileCoverage, b: FileCoverage): Clash | undefined {
  const codeLength = Math.min(a.codeLength, b.codeLength);
  const shared = DIMENSIONS.filter((d) => a.dimensions.has(d) && b.dimensions.has(d));
  const project = (key: string): string => {
    const [code = '', ...values] = key.split('|');
    return [code.slice(0, codeLength), ...DIMENSIONS.map((d, k) => (shared.includes(d) ? values[k] : '*'))].join('|');
  };
  const coarse = new Map<string, Span[]>();
  for (const [key, spans] of b.keys) {
    const projected = project(key);
    const list = coarse.get(projected);
    if (list) list.push(...spansOf(spans));
    else coarse.set(projected, [...spansOf(spans)]);
  }
  for (const [key, spans] of a.keys) {
    const projected = project(key);
    const candidates = coarse.get(projected);
    if (!candidates) continue;
    for (const span of spansOf(spans)) {
      const other = candidates.find((s) => s.start <= span.end && span.start <= s.end);
      if (!other) continue;
      const [code, partner, mode, place] = projected.split('|');
      const parts = [`code ${code}`];
      if (partner !== '*') parts.push(`partner ${partner}`);
      if (mode !== '*') parts.push(`trade mode ${mode}`);
      if (place !== '*') parts.push(`place ${place}`);
      const start = Math.max(span.start, other.start);
      const end = Math.min(span.end, other.end);
      const months = start === end ? monthName(start) : `${monthName(start)}..${monthName(end)}`;
      return { lineA: span.line, lineB: other.line, description: `${parts.join(', ')} in ${months}` };
    }
  }
  return undefined;
}
