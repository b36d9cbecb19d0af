import type { Month } from './contract/index.ts';
// Months as `YYYY-MM` strings and as integer indexes (year * 12 + month - 1), which order
// and subtract simply.

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthIndex(month: Month): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new Error(`"${month}" is not a month written as YYYY-MM`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

const monthNames: string[] = [];

export function monthName(index: number): Month {
  let name = monthNames[index];
  if (name === undefined) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    name = `${year}-${month < 10 ? '0' : ''}${month}`;
    monthNames[index] = name;
  }
  return name;
}

export interface MonthRange {
  start: number;
  end: number;
}

/** Parses `YYYY-MM..YYYY-MM` (or a single `YYYY-MM`) into month indexes. */
export function parseMonthRange(text: string): MonthRange {
  const parts = text.split('..');
  const first = parts[0] ?? '';
  const last = parts[1] ?? first;
  if (parts.length > 2 || !isMonth(first) || !isMonth(last)) {
    throw new Error(`"${text}" is not a period written as YYYY-MM..YYYY-MM`);
  }
  const range = { start: monthIndex(first), end: monthIndex(last) };
  if (range.end < range.start) throw new Error(`period "${text}" ends before it starts`);
  return range;
}

export function formatMonthRange(range: MonthRange): string {
  return `${monthName(range.start)}..${monthName(range.end)}`;
}
