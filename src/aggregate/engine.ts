// Runs the declared aggregates over the stream of records, one pass, without keeping the
// records: each declaration sums into its own table of groups. An aggregate that converts
// keeps, per group, exact sums of the other currency by rate period and restates them once
// at the end, so the result does not depend on the order records arrive in.
import type { Aggregate, AggregateRow, Names, Problem, TradeRecord } from '../contract/index.ts';
import { monthIndex, monthName } from '../months.ts';
import type { ExchangeRate, Reference, SanctionList } from '../reference/load.ts';
import { convertAmount, missingRate, rateFor } from '../reference/rates.ts';
import type { AggregateDeclaration, DimensionName } from './declarations.ts';
import { namesOfText, type Classifier } from './classify.ts';
import { GroupTable, type DimensionValue, type GroupLevel } from './group-table.ts';

type Attributes = Record<string, string | number>;

/** The row column of a converting aggregate that names the rate periods its value used, space-separated. */
export const RATE_PERIODS_FIELD = 'rate_periods';

export class AggregateBuilder {
  readonly declaration: AggregateDeclaration;
  private readonly classifier: Classifier;
  private readonly reference: Reference;
  private readonly sanctionList: SanctionList | undefined;
  /** Found by the values a record already holds, where a joined key would build and hash a new string per record. */
  private readonly groups = new GroupTable();
  /** Descriptive columns for each dimension value seen (labels, names), by dimension. */
  private readonly attributes = new Map<DimensionName, Map<DimensionValue, Attributes>>();
  /** Month indexes of the period strings seen: records repeat a handful of them. */
  private readonly monthIndexes = new Map<string, number>();
  private readonly sources = new Set<string>();
  /** What the last record added to sources and coveredMonths: consecutive records mostly repeat it. */
  private lastFile = '';
  private lastCovered = [NaN, NaN];
  /** What each dimension value is called, by dimension and value. */
  private readonly names = new Map<string, Map<string, Names>>();
  /** The rates records were restated at, in the order first used. */
  private readonly ratesUsed: ExchangeRate[] = [];
  /** The rate of the last record's months, as its place in ratesUsed (-1 for none): consecutive records mostly share it. */
  private readonly lastRate = { start: '', end: '', used: -1 };
  /** Records no declared rate applies to, the first of each period. */
  private readonly missingRates = new Map<string, Problem>();
  /**
   * Months some download of this flow, partner and a currency taken speaks for, whatever products it
   * holds: only there is a missing combination a true zero rather than a gap in the data.
   */
  private readonly coveredMonths = new Set<number>();
  private synthetic = false;

  constructor(declaration: AggregateDeclaration, classifier: Classifier, reference: Reference) {
    this.declaration = declaration;
    this.classifier = classifier;
    this.reference = reference;
    this.sanctionList = reference.sanctions.find((s) => s.id === declaration.sanctions);
  }

  add(record: TradeRecord, synthetic: boolean): void {
    const d = this.declaration;
    if (record.flow !== d.flow || !d.recordCurrencies.includes(record.currency)) return;
    if (d.partners && !d.partners.includes(record.partner_code)) return;
    const start = this.monthOf(record.period_start);
    const end = record.period_end === record.period_start ? start : this.monthOf(record.period_end);
    if (!this.coversMonths(start, end)) return;
    if (start !== this.lastCovered[0] || end !== this.lastCovered[1]) {
      for (let m = start; m <= end; m++) this.coveredMonths.add(m);
      this.lastCovered = [start, end];
    }
    if (d.hs && !d.hs.some((prefix) => record.hs_code.startsWith(prefix))) return;
    if (end !== start && d.groupBy.includes('month')) return; // a total over months cannot be split by month
    const product = d.products || d.productGroup || d.groupBy.includes('product') ? this.classifier.product(record) : undefined;
    if (d.products && !d.products.includes(product!.key)) return;
    if (d.productGroup && product!.group !== d.productGroup) return;
    const sanctionGroup = this.sanctionList ? this.classifier.sanctionGroup(this.sanctionList, record.hs_code) : null;
    if (this.sanctionList && sanctionGroup === null) return;
    const rate = record.currency === d.currency ? undefined : this.rateOf(record);
    if (rate === -1) return;

    let node: GroupLevel | number | undefined = this.groups.root;
    for (const dimension of d.groupBy) {
      node = typeof node === 'object' ? node.get(this.dimensionValue(dimension, record, start, product?.key, sanctionGroup)) : undefined;
    }
    // A known group's values are described already: only a new group can bring a new value.
    const group = typeof node === 'number' ? node : this.newGroup(record, start, product?.key, sanctionGroup);
    if (rate === undefined) this.groups.add(group, record.value);
    else this.groups.addToConvert(group, rate, record.value);
    if (record.file !== this.lastFile) this.sources.add((this.lastFile = record.file));
    if (synthetic) this.synthetic = true;
  }

  finish(): Aggregate {
    const d = this.declaration;
    if (d.complete.length > 0) this.fillMissing();
    const { groups } = this;
    const rows: AggregateRow[] = groups.dims.map((dims, group) => {
      const row: AggregateRow = {};
      d.groupBy.forEach((dimension, k) => {
        const value = dims[k]!;
        row[dimension] = value;
        Object.assign(row, this.attributes.get(dimension)?.get(value));
      });
      // By period, so the sum of restated amounts is added up in one order whatever order records came in.
      const converted = groups
        .sumsToConvert(group)
        .flatMap((sum, used) => (sum === undefined ? [] : [{ sum, rate: this.ratesUsed[used]! }]))
        .sort((a, b) => (a.rate.period < b.rate.period ? -1 : 1));
      const value = groups.value(group);
      if (!Number.isSafeInteger(value) || converted.some(({ sum }) => !Number.isSafeInteger(sum))) {
        throw new Error(`aggregate ${d.id}: a sum is too large to count exactly`);
      }
      row.value = value + Math.round(converted.reduce((total, { sum, rate }) => total + this.restate(sum, rate), 0));
      row.records = groups.recordCount(group);
      if (d.convertTo) row[RATE_PERIODS_FIELD] = converted.map(({ rate }) => rate.period).join(' ');
      return row;
    });
    rows.sort((a, b) => compareRows(a, b, d));
    if (d.rank) rows.forEach((row, k) => (row.rank = k + 1));
    return {
      id: d.id,
      description: d.description,
      flow: d.flow,
      currency: d.currency,
      period: { start: monthName(d.period.start), end: monthName(d.period.end) },
      dimensions: [...d.groupBy],
      measures: ['value', 'records'],
      rows: d.limit ? rows.slice(0, d.limit) : rows,
      ...(this.names.size > 0 ? { names: this.namesByField() } : {}),
      ...(d.convertTo
        ? {
            conversion: {
              to: d.convertTo,
              rates: [...this.ratesUsed]
                .sort((a, b) => (a.period < b.period ? -1 : 1))
                .map((rate) => ({ period: rate.period, rate: rate.cny_per_usd, source: rate.source, source_names: rate.source_names })),
            },
          }
        : {}),
      synthetic: this.synthetic,
      sources: [...this.sources].sort(),
    };
  }

  /** The group of a record the index does not lead to: a new one, described, or (without dimensions) the one total. */
  private newGroup(record: TradeRecord, start: number, product: string | undefined, sanctionGroup: string | null): number {
    const { groupBy } = this.declaration;
    const dims = groupBy.map((dimension) => this.dimensionValue(dimension, record, start, product, sanctionGroup));
    groupBy.forEach((dimension, k) => this.attributesFor(dimension, dims[k]!, record));
    return this.groups.groupOf(dims);
  }

  private attributesFor(dimension: DimensionName, value: DimensionValue, record: TradeRecord | undefined): void {
    let byValue = this.attributes.get(dimension);
    if (!byValue) this.attributes.set(dimension, (byValue = new Map()));
    if (byValue.has(value)) return;
    byValue.set(value, this.describe(dimension, value, record));
    this.nameValue(dimension, value, record);
  }

  private monthOf(period: string): number {
    let index = this.monthIndexes.get(period);
    if (index === undefined) this.monthIndexes.set(period, (index = monthIndex(period)));
    return index;
  }

  /** Records no declared rate applies to, one per period: the data step fails on them. */
  problems(): Problem[] {
    return [...this.missingRates.values()];
  }

  /** The rate for a record in the other currency, as its place in ratesUsed, or -1 (and a problem) when none is declared. */
  private rateOf(record: TradeRecord): number {
    const last = this.lastRate;
    if (record.period_start === last.start && record.period_end === last.end) return last.used;
    const rate = rateFor(this.reference.rates, record.period_start, record.period_end);
    last.start = record.period_start;
    last.end = record.period_end;
    last.used = rate ? this.ratesUsed.indexOf(rate) : -1;
    if (rate && last.used === -1) last.used = this.ratesUsed.push(rate) - 1;
    if (rate) return last.used;
    const period = record.period_start === record.period_end ? record.period_start : `${record.period_start}..${record.period_end}`;
    if (!this.missingRates.has(period)) {
      this.missingRates.set(period, {
        file: record.file,
        line: record.line,
        message: `aggregate ${this.declaration.id} restates ${record.currency} in ${this.declaration.currency}, but ${missingRate(record.period_start, record.period_end)}`,
      });
    }
    return -1;
  }

  private restate(amount: number, rate: ExchangeRate): number {
    const d = this.declaration;
    const from = d.currency === 'CNY' ? 'USD' : 'CNY';
    return convertAmount(amount, from, d.currency, rate.cny_per_usd);
  }

  /** Whether the month span lies wholly inside the declared months. */
  private coversMonths(start: number, end: number): boolean {
    const d = this.declaration;
    if (start < d.period.start || end > d.period.end) return false;
    if (!d.years) return true;
    const year = Math.floor(start / 12);
    if (Math.floor(end / 12) !== year || !d.years.includes(year)) return false;
    const from = (start % 12) + 1;
    const to = (end % 12) + 1;
    return from >= d.monthsOfYear!.from && to <= d.monthsOfYear!.to;
  }

  private dimensionValue(
    dimension: DimensionName,
    record: TradeRecord,
    start: number,
    product: string | undefined,
    sanctionGroup: string | null,
  ): DimensionValue {
    switch (dimension) {
      case 'year':
        return Math.floor(start / 12);
      case 'month':
        return record.period_start;
      case 'product':
        return product!;
      case 'hs_code':
        return record.hs_code;
      case 'hs_chapter':
        return record.hs_code.slice(0, 2);
      case 'partner':
        return record.partner_code;
      case 'trade_mode':
        return record.trade_mode_code;
      case 'place':
        return record.place_code;
      case 'sanction_group':
        return sanctionGroup!;
    }
  }

  /** The English descriptive columns a row carries beside a dimension. */
  private describe(dimension: DimensionName, value: DimensionValue, record: TradeRecord | undefined): Attributes {
    const english = (names: Names, fallback = '') => names.en ?? fallback;
    switch (dimension) {
      case 'product': {
        const product = this.reference.products.find((p) => p.key === value);
        if (product) return { product_label: product.label.en, product_group: product.group ?? '' };
        return record ? { product_label: this.classifier.product(record).label, product_group: '' } : {};
      }
      case 'hs_code':
        return { commodity: record?.commodity ?? '' };
      case 'partner':
        return { partner_name: english(this.valueNames(dimension, value, record), record?.partner) };
      case 'trade_mode':
        return { trade_mode_name: english(this.valueNames(dimension, value, record), record?.trade_mode) };
      case 'place':
        return { place_name: english(this.valueNames(dimension, value, record), record?.place) };
      case 'sanction_group':
        return { sanction_label: this.sanctionList?.groups.find((g) => g.key === value)?.label.en ?? '' };
      default:
        return {};
    }
  }

  /** A dimension value's names in every language the reference tables (or the download) give. */
  private valueNames(dimension: DimensionName, value: DimensionValue, record: TradeRecord | undefined): Names {
    const key = String(value);
    switch (dimension) {
      case 'product': {
        const product = this.reference.products.find((p) => p.key === key);
        if (product) return product.label;
        return record ? this.classifier.codeNames(record.hs_code, record.commodity) : {};
      }
      case 'hs_code':
        return this.classifier.codeNames(key, record?.commodity);
      case 'hs_chapter':
        return this.classifier.codeNames(key);
      case 'partner':
        return this.reference.partners.get(key)?.name ?? namesOfText(record?.partner ?? '');
      case 'trade_mode':
        return this.reference.regimes.get(key) ?? namesOfText(record?.trade_mode ?? '');
      case 'place':
        return this.reference.provinces.get(key) ?? namesOfText(record?.place ?? '');
      case 'sanction_group':
        return this.sanctionList?.groups.find((g) => g.key === key)?.label ?? {};
      default:
        return {};
    }
  }

  private nameValue(dimension: DimensionName, value: DimensionValue, record: TradeRecord | undefined): void {
    const names = this.valueNames(dimension, value, record);
    if (Object.keys(names).length === 0) return;
    let byValue = this.names.get(dimension);
    if (!byValue) {
      byValue = new Map();
      this.names.set(dimension, byValue);
    }
    byValue.set(String(value), names);
  }

  private namesByField(): Record<string, Record<string, Names>> {
    return Object.fromEntries([...this.names].map(([field, byValue]) => [field, Object.fromEntries(byValue)]));
  }

  /**
   * Declared years or months of a completed time dimension that no download covers, as
   * "2022" or "2022-03": their zero rows would be invented, so the data step refuses them.
   */
  uncoveredPeriods(): string[] {
    const d = this.declaration;
    const months = this.declaredMonths();
    const uncovered = (wanted: number[]) => wanted.some((m) => !this.coveredMonths.has(m));
    if (d.complete.includes('month')) return months.filter((m) => uncovered([m])).map(monthName);
    if (!d.complete.includes('year')) return [];
    const years = [...new Set(months.map((m) => Math.floor(m / 12)))];
    return years.filter((year) => uncovered(months.filter((m) => Math.floor(m / 12) === year))).map(String);
  }

  private declaredMonths(): number[] {
    const d = this.declaration;
    const months: number[] = [];
    for (let m = d.period.start; m <= d.period.end; m++) if (this.coversMonths(m, m)) months.push(m);
    return months;
  }

  /** Adds zero rows so every combination of the completed dimensions appears. */
  private fillMissing(): void {
    const d = this.declaration;
    const domains = d.groupBy.map((dimension, k) => {
      const seen = new Set(this.groups.dims.map((dims) => dims[k]!));
      if (d.complete.includes(dimension)) for (const value of this.declaredDomain(dimension)) seen.add(value);
      return [...seen];
    });
    let combos: DimensionValue[][] = [[]];
    for (const domain of domains) combos = combos.flatMap((combo) => domain.map((value) => [...combo, value]));
    for (const dims of combos) {
      if (this.groups.has(dims)) continue;
      this.groups.groupOf(dims);
      d.groupBy.forEach((dimension, k) => this.attributesFor(dimension, dims[k]!, undefined));
    }
  }

  private declaredDomain(dimension: DimensionName): DimensionValue[] {
    const d = this.declaration;
    const months = this.declaredMonths();
    switch (dimension) {
      case 'year':
        return [...new Set(months.map((m) => Math.floor(m / 12)))];
      case 'month':
        return months.map(monthName);
      case 'product':
        return d.products ?? this.reference.products.filter((p) => p.group === d.productGroup).map((p) => p.key);
      case 'sanction_group':
        return this.sanctionList?.groups.map((g) => g.key) ?? [];
      case 'partner':
        return d.partners ?? [];
      default:
        return [];
    }
  }
}

function compareRows(a: AggregateRow, b: AggregateRow, d: AggregateDeclaration): number {
  for (const { field, descending } of d.sort) {
    const order = compareValues(a[field], b[field]);
    if (order !== 0) return descending ? -order : order;
  }
  // Ties fall back to the dimensions, so the order never depends on input order.
  for (const dimension of d.groupBy) {
    const order = compareValues(a[dimension], b[dimension]);
    if (order !== 0) return order;
  }
  return 0;
}

function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
}
