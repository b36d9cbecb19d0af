// What a record is, in the story's terms: its editorial product and group, its sanctions
// groups, its year and month. Lookups are cached by commodity code because a download
// repeats the same codes many times.
import type { TradeRecord } from '../contract/index.ts';
import type { Product, Reference, SanctionList } from '../reference/load.ts';

export interface ProductMatch {
  /** Editorial key, or `hs-<code>` for codes no product claims. */
  key: string;
  label: string;
  group: string;
}

export class Classifier {
  private readonly reference: Reference;
  private readonly productByCode = new Map<string, Product | null>();
  private readonly sanctionByCode = new Map<string, string | null>();
  private readonly unmappedLabels = new Map<string, string>();

  constructor(reference: Reference) {
    this.reference = reference;
  }

  product(record: TradeRecord): ProductMatch {
    const product = this.productOf(record.hs_code);
    if (product) return { key: product.key, label: product.label.en, group: product.group ?? '' };
    const key = `hs-${record.hs_code}`;
    let label = this.unmappedLabels.get(key);
    if (label === undefined) {
      label = record.commodity || record.hs_code;
      this.unmappedLabels.set(key, label);
    }
    return { key, label, group: '' };
  }

  /** The key of the group of `list` that covers the record's code, or null. */
  sanctionGroup(list: SanctionList, code: string): string | null {
    const cacheKey = `${list.id}|${code}`;
    let key = this.sanctionByCode.get(cacheKey);
    if (key === undefined) {
      key = longestPrefixMatch(list.groups, code)?.key ?? null;
      this.sanctionByCode.set(cacheKey, key);
    }
    return key;
  }

  private productOf(code: string): Product | null {
    let product = this.productByCode.get(code);
    if (product === undefined) {
      product = longestPrefixMatch(this.reference.products, code);
      this.productByCode.set(code, product);
    }
    return product;
  }
}

function longestPrefixMatch<T extends { hs: string[] }>(items: readonly T[], code: string): T | null {
  let best: T | null = null;
  let bestLength = 0;
  for (const item of items) {
    for (const prefix of item.hs) {
      if (prefix.length > bestLength && code.startsWith(prefix)) {
        best = item;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}
