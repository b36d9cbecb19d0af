import type { Period } from '../contract/index.ts';
// Reads the `YYYY-MM` months of a fact's period, so each language only has to word them.

export interface YearMonth {
  year: number;
  /** 1–12. */
  month: number;
}

export interface ParsedPeriod {
  start: YearMonth;
  end: YearMonth;
}

function parseMonth(month: string): YearMonth {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const parsed = match ? { year: Number(match[1]), month: Number(match[2]) } : undefined;
  if (!parsed || parsed.month < 1 || parsed.month > 12) {
    throw new RangeError(`Expected a month as YYYY-MM, got "${month}"`);
  }
  return parsed;
}

export function parsePeriod(period: Period): ParsedPeriod {
  const start = parseMonth(period.start);
  const end = parseMonth(period.end);
  if (start.year * 12 + start.month > end.year * 12 + end.month) {
    throw new RangeError(`Period starts after it ends: ${period.start} to ${period.end}`);
  }
  return { start, end };
}
