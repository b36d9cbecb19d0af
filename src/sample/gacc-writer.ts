// Writes CSV files exactly as GACC's online query platform exports them, so sample data and
// benchmarks exercise the same quirks as real downloads: every field quoted, a trailing
// comma on every line, CRLF, values with thousands separators, "?" for a missing unit, and
// GB18030 bytes.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';

/** The optional columns, in the order GACC always puts them; the value column comes last. */
export const GACC_COLUMNS = [
  'date',
  'code',
  'commodity',
  'partnerCode',
  'partner',
  'modeCode',
  'mode',
  'placeCode',
  'place',
  'quantity',
  'unit',
  'quantity2',
  'unit2',
] as const;

export type GaccColumn = (typeof GACC_COLUMNS)[number];
export type GaccLanguage = 'zh' | 'en';
export type GaccCurrency = 'CNY' | 'USD';
export type GaccEncoding = 'gb18030' | 'utf-8';

export interface GaccFileLayout {
  language: GaccLanguage;
  currency: GaccCurrency;
  /** Columns the query produced; written in GACC's order whatever order they are given in. */
  columns: readonly GaccColumn[];
  /** Some real English files spell the second quantity's header "Supplimentary Quantity". */
  supplementarySpelling?: 'Supplementary' | 'Supplimentary';
  /** How a missing quantity is written: empty (default) or "?". */
  missingQuantity?: '' | '?';
}

export interface GaccRow {
  /** `YYYYMM`. */
  date?: string;
  /** Digits as text, leading zeros kept. */
  code: string;
  commodity: string;
  partnerCode?: string;
  partner?: string;
  modeCode?: string;
  mode?: string;
  placeCode?: string;
  place?: string;
  quantity?: number | null;
  /** Empty or null is written "?". */
  unit?: string | null;
  quantity2?: number | null;
  unit2?: string | null;
  /** Whole units of the layout's currency. */
  value: number;
}

const HEADERS: Record<GaccLanguage, Record<GaccColumn, string>> = {
  zh: {
    date: '数据年月',
    code: '商品编码',
    commodity: '商品名称',
    partnerCode: '贸易伙伴编码',
    partner: '贸易伙伴名称',
    modeCode: '贸易方式编码',
    mode: '贸易方式名称',
    placeCode: '注册地编码',
    place: '注册地名称',
    quantity: '第一数量',
    unit: '第一计量单位',
    quantity2: '第二数量',
    unit2: '第二计量单位',
  },
  en: {
    date: 'Date of data',
    code: 'Commodity code',
    commodity: 'Commodity',
    partnerCode: 'Trading partner code',
    partner: 'Trading partner',
    modeCode: 'Customs Regime code',
    mode: 'Customs Regime',
    placeCode: 'Locations of importers and exporters code',
    place: 'Locations of importers and exporters',
    quantity: 'Quantity',
    unit: 'Unit',
    quantity2: 'Supplementary Quantity',
    unit2: 'Supplementary Unit',
  },
};

const VALUE_HEADERS: Record<GaccLanguage, Record<GaccCurrency, string>> = {
  zh: { CNY: '人民币', USD: '美元' },
  en: { CNY: 'Renminbi Yuan', USD: 'US dollar' },
};

const TEXT_COLUMNS = new Set<GaccColumn>(['date', 'code', 'commodity', 'partnerCode', 'partner', 'modeCode', 'mode', 'placeCode', 'place']);

function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

/** Orders the layout's columns as GACC does and rejects unknown or repeated names. */
function orderedColumns(layout: GaccFileLayout): GaccColumn[] {
  const wanted = new Set(layout.columns);
  if (wanted.size !== layout.columns.length) throw new Error('a GACC layout names a column twice');
  for (const column of wanted) {
    if (!GACC_COLUMNS.includes(column)) throw new Error(`unknown GACC column "${column}"`);
  }
  if (!wanted.has('code')) throw new Error('a GACC layout needs the commodity code column');
  return GACC_COLUMNS.filter((column) => wanted.has(column));
}

/** "5848714" → "5,848,714"; only whole numbers, as GACC values are. */
export function groupThousands(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`GACC values are whole numbers, got ${value}`);
  const digits = String(Math.abs(value));
  let out = '';
  const head = digits.length % 3 || 3;
  out += digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${out}` : out;
}

/** The header line, CRLF included. */
export function gaccHeaderLine(layout: GaccFileLayout): string {
  const names = HEADERS[layout.language];
  let line = '';
  for (const column of orderedColumns(layout)) {
    let name = names[column];
    if (column === 'quantity2' && layout.language === 'en' && layout.supplementarySpelling === 'Supplimentary') {
      name = 'Supplimentary Quantity';
    }
    line += `${quote(name)},`;
  }
  return `${line}${quote(VALUE_HEADERS[layout.language][layout.currency])},\r\n`;
}

/** A function turning one row into its line, CRLF included; the column list is worked out once. */
export function gaccRowFormatter(layout: GaccFileLayout): (row: GaccRow) => string {
  const columns = orderedColumns(layout);
  const missingQuantity = quote(layout.missingQuantity ?? '');
  return (row) => {
    let line = '';
    for (const column of columns) {
      const field = row[column];
      if (TEXT_COLUMNS.has(column)) {
        if (typeof field !== 'string') throw new Error(`row for code ${row.code} has no ${column}`);
        line += `${quote(field)},`;
      } else if (column === 'quantity' || column === 'quantity2') {
        if (field === null || field === undefined) line += `${missingQuantity},`;
        else if (typeof field === 'number' && Number.isFinite(field)) line += `"${field}",`;
        else throw new Error(`row for code ${row.code} has ${column} ${String(field)}`);
      } else {
        line += field === null || field === undefined || field === '' ? '"?",' : `${quote(String(field))},`;
      }
    }
    return `${line}"${groupThousands(row.value)}",\r\n`;
  };
}

/** Text to file bytes; GB18030 is stateless, so batches may be encoded separately. */
export function encodeGacc(text: string, encoding: GaccEncoding = 'gb18030'): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
}

export interface WriteGaccOptions {
  encoding?: GaccEncoding;
  /** Rows encoded and written at a time; bounds memory for very large files. */
  batchRows?: number;
}

/** Streams rows to a file in batches, waiting for the stream to drain; returns the row count. */
export async function writeGaccFile(path: string, layout: GaccFileLayout, rows: Iterable<GaccRow>, options: WriteGaccOptions = {}): Promise<number> {
  const { encoding = 'gb18030', batchRows = 10_000 } = options;
  const format = gaccRowFormatter(layout);
  const stream = createWriteStream(path);
  // `once` rejects on the stream's 'error', and the stream can only fail while we await it.
  const write = async (text: string) => {
    if (!stream.write(encodeGacc(text, encoding))) await once(stream, 'drain');
  };
  let count = 0;
  try {
    let batch = gaccHeaderLine(layout);
    for (const row of rows) {
      batch += format(row);
      if (++count % batchRows === 0) {
        await write(batch);
        batch = '';
      }
    }
    if (batch) await write(batch);
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return count;
}
