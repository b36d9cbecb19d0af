// Which declared yuan–dollar rate applies to a span of months, and restating an amount at it.
// A single month uses its own rate where rates.csv has one; any span within one year uses the
// year's average. A span across years has no one rate, and nothing is converted at a guess.
import type { Currency, Month } from '../contract/index.ts';
import type { ExchangeRate } from './load.ts';

export function rateFor(rates: ReadonlyMap<string, ExchangeRate>, start: Month, end: Month): ExchangeRate | undefined {
  const monthly = start === end ? rates.get(start) : undefined;
  if (monthly) return monthly;
  const year = start.slice(0, 4);
  return end.startsWith(year) ? rates.get(year) : undefined;
}

/** Why no rate applies to a span, naming it, and what to do, for a reporter to act on. */
export function missingRate(start: Month, end: Month): string {
  const year = start.slice(0, 4);
  if (!end.startsWith(year)) return `the record's months, ${start}..${end}, span more than one year, so no one rate applies; split the download by year`;
  const wanted = start === end ? `${start} nor for ${year}` : `${year} (the record covers ${start}..${end})`;
  return `rates.csv has no rate for ${wanted}; add the official rate and its source`;
}

/** An amount in `from` restated in `to` at `cnyPerUsd` yuan per dollar (not rounded). */
export function convertAmount(amount: number, from: Currency, to: Currency, cnyPerUsd: number): number {
  if (from === to) return amount;
  return from === 'CNY' ? amount / cnyPerUsd : amount * cnyPerUsd;
}
