import type { Currency, HeaderLanguage } from '../../contract/index.ts';
// The header names GACC uses, in Chinese and English, mapped to our field names. Columns
// are found by name, never by position: which ones a download has, and their order, follow
// the query that produced it.

export type ColumnField =
  | 'month'
  | 'hs_code'
  | 'commodity'
  | 'partner_code'
  | 'partner'
  | 'trade_mode_code'
  | 'trade_mode'
  | 'place_code'
  | 'place'
  | 'quantity'
  | 'unit'
  | 'quantity2'
  | 'unit2'
  | 'value';

interface HeaderName {
  field: ColumnField;
  language: HeaderLanguage;
  currency?: Currency;
}

const HEADER_NAMES: Record<string, HeaderName> = {
  数据年月: { field: 'month', language: 'zh' },
  商品编码: { field: 'hs_code', language: 'zh' },
  商品名称: { field: 'commodity', language: 'zh' },
  贸易伙伴编码: { field: 'partner_code', language: 'zh' },
  贸易伙伴名称: { field: 'partner', language: 'zh' },
  贸易方式编码: { field: 'trade_mode_code', language: 'zh' },
  贸易方式名称: { field: 'trade_mode', language: 'zh' },
  注册地编码: { field: 'place_code', language: 'zh' },
  注册地名称: { field: 'place', language: 'zh' },
  第一数量: { field: 'quantity', language: 'zh' },
  第一计量单位: { field: 'unit', language: 'zh' },
  第二数量: { field: 'quantity2', language: 'zh' },
  第二计量单位: { field: 'unit2', language: 'zh' },
  人民币: { field: 'value', language: 'zh', currency: 'CNY' },
  美元: { field: 'value', language: 'zh', currency: 'USD' },
  'date of data': { field: 'month', language: 'en' },
  'commodity code': { field: 'hs_code', language: 'en' },
  commodity: { field: 'commodity', language: 'en' },
  'trading partner code': { field: 'partner_code', language: 'en' },
  'trading partner': { field: 'partner', language: 'en' },
  'customs regime code': { field: 'trade_mode_code', language: 'en' },
  'customs regime': { field: 'trade_mode', language: 'en' },
  'locations of importers and exporters code': { field: 'place_code', language: 'en' },
  'locations of importers and exporters': { field: 'place', language: 'en' },
  quantity: { field: 'quantity', language: 'en' },
  unit: { field: 'unit', language: 'en' },
  'supplementary quantity': { field: 'quantity2', language: 'en' },
  'supplimentary quantity': { field: 'quantity2', language: 'en' },
  'supplementary unit': { field: 'unit2', language: 'en' },
  'supplimentary unit': { field: 'unit2', language: 'en' },
  'renminbi yuan': { field: 'value', language: 'en', currency: 'CNY' },
  'us dollar': { field: 'value', language: 'en', currency: 'USD' },
};

/** Names that are plainly a value column in a currency we do not handle. */
const OTHER_VALUE_COLUMNS = /^(欧元|日元|港元|euro|eur|japanese yen|hk dollar|value)$/i;

export interface ColumnLayout {
  language: HeaderLanguage;
  currency: Currency;
  /** Field index in the row for each column the file has. */
  index: Partial<Record<ColumnField, number>>;
  /** Number of fields a row has, counting GACC's empty trailing column. */
  width: number;
  /** True when the header ends with GACC's empty trailing column. */
  trailingEmpty: boolean;
}

export type HeaderResult = { ok: true; layout: ColumnLayout } | { ok: false; message: string };

/** A header name for a message: quoted, control characters escaped, cut short if long. */
function shown(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

export function readHeader(names: string[]): HeaderResult {
  const trailingEmpty = names.length > 1 && names[names.length - 1]!.trim() === '';
  const named = trailingEmpty ? names.slice(0, -1) : names;
  const index: Partial<Record<ColumnField, number>> = {};
  const languages = new Set<HeaderLanguage>();
  let currency: Currency | undefined;
  for (const [position, raw] of named.entries()) {
    const name = raw.trim();
    if (name === '') return { ok: false, message: `column ${position + 1} of the header has no name` };
    const known = HEADER_NAMES[name.toLowerCase().replace(/\s+/g, ' ')];
    if (!known) {
      if (OTHER_VALUE_COLUMNS.test(name)) {
        return { ok: false, message: `value column "${name}" is in a unit we cannot read; download the data in 人民币/Renminbi Yuan or 美元/US dollar` };
      }
      return { ok: false, message: `unknown column ${shown(name)}; expected GACC column names such as 商品编码 or "Commodity code"` };
    }
    if (index[known.field] !== undefined) {
      return { ok: false, message: `column "${name}" appears twice in the header` };
    }
    index[known.field] = position;
    languages.add(known.language);
    if (known.currency) currency = known.currency;
  }
  if (index.hs_code === undefined) return { ok: false, message: 'the header has no commodity code column (商品编码 / "Commodity code")' };
  if (currency === undefined) return { ok: false, message: 'the header has no value column (人民币, 美元, "Renminbi Yuan" or "US dollar")' };
  if (languages.size > 1) return { ok: false, message: 'the header mixes Chinese and English column names' };
  const [language] = languages;
  return { ok: true, layout: { language: language!, currency, index, width: names.length, trailingEmpty } };
}
