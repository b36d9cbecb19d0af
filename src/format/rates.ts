// The declared rates amounts were restated at, as a chart note, a CSV line and a fact's
// tooltip name them: "7.0467 (2023; People's Bank of China…)".
import type { Conversion } from '../contract/index.ts';
import { formatDecimal } from './number.ts';
import type { Lang } from './rules.ts';

export function ratesText(conversion: Conversion, lang: Lang, list: (items: readonly string[]) => string): string {
  return list(conversion.rates.map((rate) => `${formatDecimal(rate.rate, { decimals: 4 })} (${rate.period}; ${rate.source_names?.[lang] ?? rate.source})`));
}
