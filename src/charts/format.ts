// How charts word numbers and dates, on top of the house formats in src/format: one place,
// so axis ticks, value labels, tooltips, descriptions and tables agree.
import type { Currency, Month, Period } from '../contract/index.ts';
import { formatDecimal, formatPeriod, formatValue } from '../format/index.ts';

/** Compact money for labels and ticks: "181.5M yuan", or "181.5M" where the unit is given once. */
export function shortMoney(value: number, currency: Currency, withUnit = true): string {
  const text = formatValue(value, currency, { lang: 'en', short: true });
  return withUnit && currency === 'CNY' ? `${text} yuan` : text;
}

/** Money as the prose writes it: "181.53 million yuan". */
export function fullMoney(value: number, currency: Currency): string {
  return formatValue(value, currency, { lang: 'en' });
}

/** Table cells: every unit, grouped ("181,530,000"). */
export function tableNumber(value: number): string {
  return formatDecimal(value);
}

/** "five", "12". */
export function countText(count: number): string {
  return formatValue(count, 'count', { lang: 'en' });
}

/** "second", "11th". */
export function ordinal(rank: number): string {
  return formatValue(rank, 'rank', { lang: 'en' });
}

/** "January–October 2023". */
export function periodText(period: Period): string {
  return formatPeriod(period, 'en');
}

/**
 * The months of `period` within one year, for aggregates declared over the same months of
 * several years: "January–October 2021".
 */
export function yearPeriodText(period: Period, year: number): string {
  return periodText({ start: `${year}${period.start.slice(4)}`, end: `${year}${period.end.slice(4)}` });
}

/** "a, b and c". */
export function listText(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "March 2021". */
export function monthText(month: Month): string {
  return formatPeriod({ start: month, end: month }, 'en');
}

/** Column header for money: "Imports (yuan)". */
export function unitName(currency: Currency): string {
  return currency === 'CNY' ? 'yuan' : 'US dollars';
}
