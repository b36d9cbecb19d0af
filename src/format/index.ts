// Public surface of the house number formats.
export { formatFact, FACT_STYLES, type FactFormatOptions, type FactStyle, type FormattedFact } from './fact.ts';
export { convertToUsd, type UsdOptions, type UsdText } from './usd.ts';
export { formatPeriod, formatValue, type ValueFormatOptions } from './value.ts';
export { formatDecimal, formatPercent, type DecimalOptions, type PercentOptions } from './number.ts';
export { ratesText } from './rates.ts';
export type { Lang } from './rules.ts';
