// What a record is, in the story's terms: its editorial product and group, its sanctions
// groups, and what its codes are called. Lookups are cached by commodity code because a
// download repeats the same codes many times.
import type { Names, TradeRecord } from '../contract/index.ts';
import type { Product, Reference, SanctionList } from '../reference/load.ts';

export interface ProductMatch {
  /** Editorial key, or `hs-<code>` for codes no product claims. */
  key: string;
  /** English where the reference tables have it. */
  label: string;
  group: string;
}

/** A name GACC printed, filed under the language it is written in (downloads are Chinese or English). */
export function namesOfText(text: string): Names {
  if (!text) return {};
  return /\p{Script=Han}/u.test(text) ? { zh: text } : { en: text };
}

export class Classifier {
  private readonly reference: Reference;
  private readonly productByCode = new Map<string, Product | null>();
  private readonly sanctionByCode = new Map<string, string | null>();
  private readonly namesByCode = new Map<string, Names>();
  /** For each 2-, 4- and 6-digit prefix, the one HS8 code under it, or null when there are several. */
  private hs8ByPrefix: Map<string, string | null> | undefined;

  constructor(reference: Reference) {
    this.reference = reference;
  }

  product(record: TradeRecord): ProductMatch {
    const product = this.productOf(record.hs_code);
    if (product) return { key: product.key, label: product.label.en, group: product.group ?? '' };
    const names = this.codeNames(record.hs_code, record.commodity);
    return { key: `hs-${record.hs_code}`, label: names.en ?? names.zh ?? record.hs_code, group: '' };
  }

  /**
   * What a commodity code is called: its official HS8 names where the list determines them
   * (an eight-digit code, or a shorter one with a single HS8 code under it), otherwise the
   * download's own text for the code as first seen.
   */
  codeNames(code: string, commodity = ''): Names {
    let names = this.namesByCode.get(code);
    if (names === undefined) {
      const hs8 = code.length === 8 ? code : this.onlyHs8Under(code);
      names = (hs8 && this.reference.hs8.get(hs8)) || namesOfText(commodity);
      this.namesByCode.set(code, names);
    }
    return names;
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

  private onlyHs8Under(prefix: string): string | undefined {
    if (!this.hs8ByPrefix) {
      this.hs8ByPrefix = new Map();
      for (const code of this.reference.hs8.keys()) {
        for (const length of [2, 4, 6]) {
          const key = code.slice(0, length);
          this.hs8ByPrefix.set(key, this.hs8ByPrefix.has(key) ? null : code);
        }
      }
    }
    return this.hs8ByPrefix.get(prefix) ?? undefined;
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
