// Fuzzing the reader (fast-check). Random bytes: readGaccFile returns or throws a FileError,
// nothing else, and quickly. Random GACC files (any column subset and order, Chinese or
// English headers, GB18030 or UTF-8, CRLF or LF, quoted or not, names with CJK, quotes,
// commas and line breaks, some rows damaged, blank lines, any read chunk size): every row
// comes out exactly once, as a record equal to what was written or as a rejection, on its
// own line. Nothing is lost and nothing invented.
import type { TradeRecord } from '../../src/contract/index.ts';
import { isAscii, isUtf8 } from 'node:buffer';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthRange } from '../../src/months.ts';
import { monthName } from '../../src/months.ts';
import { FileError } from '../../src/ingest/errors.ts';
import type { ColumnField } from '../../src/sources/gacc/columns.ts';
import { readGaccFile, type FileReadResult, type GaccReadOptions } from '../../src/sources/gacc/read-file.ts';
import type { SourceFile } from '../../src/sources/types.ts';
import { removeTempDirs, tempDir } from '../ingest/helpers.ts';

afterAll(removeTempDirs);

let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await tempDir('hostile-fuzz-');
});

async function writeTemp(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `fuzz-${counter++}.csv`);
  await writeFile(path, bytes);
  return path;
}

const FILE = 'fuzzed.csv';

function sourceFor(path: string, period?: MonthRange): SourceFile {
  return { file: FILE, path, flow: 'import', ...(period ? { period } : {}), synthetic: true, source: 'fuzz test' };
}

interface Read {
  records: TradeRecord[];
  result: FileReadResult;
}

async function read(
  path: string,
  period: MonthRange | undefined,
  chunkSize: number | undefined,
  segments: Pick<GaccReadOptions, 'segmentBytes' | 'threads'> = {},
): Promise<Read> {
  const records: TradeRecord[] = [];
  const result = await readGaccFile(sourceFor(path, period), { onRecord: (r) => records.push(r), ...(chunkSize ? { chunkSize } : {}), ...segments });
  return { records, result };
}

/** Runs per property: moderate by default; FUZZ_RUNS=5000 npx vitest run tests/hostile for a long hunt. */
const runs = (normal: number) => Number(process.env.FUZZ_RUNS) || normal;

/** Fails a run that takes longer than this: the reader must never hang. */
const RUN_TIMEOUT = 5_000;

// --- (a) Random bytes ------------------------------------------------------------------

const enc = (text: string) => Buffer.from(text, 'utf8');
/** Starts that get random bytes past the header check, so rows are scanned too. */
const PREFIXES: Buffer[] = [
  Buffer.alloc(0),
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from([0xff, 0xfe]),
  enc('"数据年月","商品编码","商品名称","贸易伙伴编码","贸易伙伴名称","人民币",\r\n'),
  iconv.encode('"数据年月","商品编码","商品名称","贸易伙伴编码","贸易伙伴名称","第一数量","第一计量单位","人民币",\r\n', 'gb18030'),
  enc('Commodity code,Commodity,Quantity,US dollar\n'),
  enc('商品编码,人民币\n'),
  enc('"202301","72022100","硅铁","109","朝鲜","5",\r\n'),
];

/** Bytes with the ones that matter to a CSV reader over-represented. */
const BYTE = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 255 }) },
  { weight: 3, arbitrary: fc.constantFrom(0x22, 0x2c, 0x0d, 0x0a, 0x20) }, // " , CR LF space
  { weight: 2, arbitrary: fc.integer({ min: 0x30, max: 0x39 }) }, // digits
  { weight: 1, arbitrary: fc.constantFrom(0x00, 0x80, 0x81, 0xa3, 0xac, 0xef, 0xbb, 0xbf, 0xfe, 0xff, 0x3f, 0x2d, 0x2e) },
);

const JUNK = fc.record({
  prefix: fc.constantFrom(...PREFIXES),
  body: fc.array(BYTE, { maxLength: 700 }),
  /** Whole header-like or row-like lines mixed into the junk. */
  lines: fc.array(fc.constantFrom(...PREFIXES.slice(3)), { maxLength: 3 }),
  period: fc.option(fc.constant<MonthRange>({ start: 2023 * 12, end: 2023 * 12 + 9 }), { nil: undefined }),
  chunkSize: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
});

/** How many lines a file has, counting LF, CRLF and a lone CR as line ends (as the reader does). */
function physicalLines(bytes: Uint8Array): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) lines++;
  }
  return lines;
}

describe('random bytes', () => {
  it('are read or refused with a FileError naming the file; never another error, never a hang', async () => {
    await fc.assert(
      fc.asyncProperty(JUNK, async ({ prefix, body, lines, period, chunkSize }) => {
        // The prefix, then junk with the whole lines spliced in every 50 bytes.
        const parts = [prefix];
        lines.forEach((line, k) => parts.push(Buffer.from(body.slice(50 * k, 50 * (k + 1))), line));
        parts.push(Buffer.from(body.slice(50 * lines.length)));
        const bytes = Buffer.concat(parts);
        const path = await writeTemp(bytes);
        let outcome: Read;
        try {
          outcome = await read(path, period, chunkSize);
        } catch (error) {
          if (!(error instanceof FileError)) throw error;
          expect(error.problem.file).toBe(FILE);
          if (error.problem.line !== undefined) {
            expect(Number.isInteger(error.problem.line) && error.problem.line >= 1 && error.problem.line <= physicalLines(bytes)).toBe(true);
          }
          expect(error.problem.message.length).toBeLessThan(400);
          return;
        }
        // Read: the accounting must still add up.
        const { records, result } = outcome;
        expect(records.length + result.rejections.length).toBe(result.dataRows);
        expect(result.report.rows).toBe(records.length);
        expect(result.report.rejected).toBe(result.rejections.length);
        expect(result.report.total_value).toBe(records.reduce((sum, r) => sum + r.value, 0));
        const lineNumbers = [...records.map((r) => r.line), ...result.rejections.map((r) => r.line)].sort((a, b) => a - b);
        expect(new Set(lineNumbers).size, 'one outcome per line').toBe(lineNumbers.length);
        for (const line of lineNumbers) expect(line >= 2 && line <= physicalLines(bytes)).toBe(true);
        for (const r of records) {
          expect(Number.isSafeInteger(r.value) && r.value >= 0).toBe(true);
          expect(r.hs_code).toMatch(/^(\d\d){1,4}$/);
        }
        for (const r of result.rejections) expect(r.reason.length).toBeLessThan(400);
      }),
      { numRuns: runs(300), timeout: RUN_TIMEOUT },
    );
  });
});

// --- (b) Random valid GACC files, some rows damaged --------------------------------------

const OPTIONAL: ColumnField[] = [
  'month',
  'commodity',
  'partner_code',
  'partner',
  'trade_mode_code',
  'trade_mode',
  'place_code',
  'place',
  'quantity',
  'unit',
  'quantity2',
  'unit2',
];

/** Header names as GACC writes them; English ones in any of their spellings. */
const HEADER: Record<Exclude<ColumnField, 'value'>, { zh: string; en: string[] }> = {
  month: { zh: '数据年月', en: ['Date of data'] },
  hs_code: { zh: '商品编码', en: ['Commodity code'] },
  commodity: { zh: '商品名称', en: ['Commodity'] },
  partner_code: { zh: '贸易伙伴编码', en: ['Trading partner code'] },
  partner: { zh: '贸易伙伴名称', en: ['Trading partner'] },
  trade_mode_code: { zh: '贸易方式编码', en: ['Customs Regime code'] },
  trade_mode: { zh: '贸易方式名称', en: ['Customs Regime'] },
  place_code: { zh: '注册地编码', en: ['Locations of importers and exporters code'] },
  place: { zh: '注册地名称', en: ['Locations of importers and exporters'] },
  quantity: { zh: '第一数量', en: ['Quantity'] },
  unit: { zh: '第一计量单位', en: ['Unit'] },
  quantity2: { zh: '第二数量', en: ['Supplementary Quantity', 'Supplimentary Quantity'] },
  unit2: { zh: '第二计量单位', en: ['Supplementary Unit', 'Supplimentary Unit'] },
};
const VALUE_HEADER = { CNY: { zh: '人民币', en: 'Renminbi Yuan' }, USD: { zh: '美元', en: 'US dollar' } } as const;

const CJK = [...'硅铁钨矿砂及其精矿碳化硅石墨人造猪鬃马牛羊冻改良种用其他鳞片状天然钼未焙烧的朝鲜辽宁吉林省一般贸易边境小额千克台'];
const TEXT_UNIT = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CJK) },
  { weight: 2, arbitrary: fc.constantFrom(...'，。、；：“”（）％　'.split('')) },
  { weight: 4, arbitrary: fc.constantFrom(..."abcXYZ0123456789-/%&'.()".split('')) },
  { weight: 2, arbitrary: fc.constantFrom(' ', ',', '"', '""', ', ', '\n', '\r\n', '\t') },
);
/** Free text as it could appear in a name column. */
const TEXT = fc.array(TEXT_UNIT, { maxLength: 16 }).map((units) => units.join(''));
const DIGITS = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: min, maxLength: max }).map((d) => d.join(''));
const code = (length: number) => DIGITS(length, length);
const UNIT = fc.oneof(fc.constantFrom('千克', 'Kilogram', '?', '', '台', 'kWh', '千瓦时'), TEXT);
const grouped = (n: number) => n.toLocaleString('en-US');
const QUANTITY = fc.oneof(
  fc.constantFrom('', '?'),
  fc.nat({ max: 1e12 }).map(String),
  fc.nat({ max: 1e9 }).map(grouped),
  fc.tuple(fc.nat({ max: 1e9 }), DIGITS(1, 3)).map(([whole, fraction]) => `${whole}.${fraction}`),
);
const MONTH = fc.tuple(fc.integer({ min: 1980, max: 2100 }), fc.integer({ min: 1, max: 12 }));

type Damage = 'none' | 'value' | 'month' | 'code' | 'short' | 'extra';
const REASONS: Record<Exclude<Damage, 'none'>, RegExp> = {
  value: /^value .* is not a whole number/,
  month: /^impossible month/,
  code: /^commodity code .* (has \d+ digits; GACC codes have 2, 4, 6 or 8|is not a number)/,
  short: /^missing columns/,
  extra: /^extra columns/,
};

const ROW = (codeLength: number) =>
  fc.record({
    month: MONTH,
    hs_code: code(codeLength),
    commodity: TEXT,
    partner_code: fc.oneof(code(3), fc.constant('')),
    partner: fc.oneof(fc.constantFrom('朝鲜', 'Korea,DPR', 'Korea，DPR'), TEXT),
    trade_mode_code: fc.oneof(code(2), fc.constant('')),
    trade_mode: TEXT,
    place_code: fc.oneof(code(2), fc.constant('')),
    place: TEXT,
    quantity: QUANTITY,
    unit: UNIT,
    quantity2: QUANTITY,
    unit2: UNIT,
    value: fc.nat({ max: 1e13 }),
    groupValue: fc.boolean(),
    damage: fc.oneof({ weight: 6, arbitrary: fc.constant<Damage>('none') }, fc.constantFrom<Damage>('value', 'month', 'code', 'short', 'extra')),
    badValue: fc.constantFrom('n/a', '-5', '1.5', '12,34', '1,2345', '', '５'),
    badMonth: fc.constantFrom('202313', '202300', '000000', '20231', '2023-01', '１２３４５６'),
    badCode: fc.constantFrom('1234567', '123', '1', '1234567890', 'AB12', '12 34'),
    blankLinesBefore: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 2 })),
  });
type Row = { [K in ColumnField]: K extends 'month' ? [number, number] : K extends 'value' ? number : string } & {
  groupValue: boolean;
  damage: Damage;
  badValue: string;
  badMonth: string;
  badCode: string;
  blankLinesBefore: number;
};

const FILE_SPEC = fc.record({
  optional: fc.subarray(OPTIONAL),
  sortKeys: fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
  language: fc.constantFrom<'zh' | 'en'>('zh', 'en'),
  spelling: fc.nat(),
  upperCase: fc.boolean(),
  currency: fc.constantFrom<'CNY' | 'USD'>('CNY', 'USD'),
  encoding: fc.constantFrom<'gb18030' | 'utf-8' | 'utf-8-bom'>('gb18030', 'utf-8', 'utf-8-bom'),
  eol: fc.constantFrom('\r\n', '\n'),
  quoteAll: fc.boolean(),
  trailingComma: fc.boolean(),
  blankLinesFirst: fc.integer({ min: 0, max: 1 }),
  /** The period sources.yaml gives a file without a month column. */
  period: fc.tuple(MONTH, fc.nat({ max: 40 })),
  rows: fc.constantFrom(2, 4, 6, 8).chain((length) => fc.array(ROW(length), { minLength: 1, maxLength: 20 })) as fc.Arbitrary<Row[]>,
  chunkSize: fc.option(fc.integer({ min: 16, max: 400 }), { nil: undefined }),
});
type FileSpec = typeof FILE_SPEC extends fc.Arbitrary<infer T> ? T : never;

function field(text: string, quoteAll: boolean): string {
  return quoteAll || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** What the reader should make of a written text field: spaces and tabs at either end trimmed. */
const trimPadding = (text: string) => text.replace(/^[ \t]+|[ \t]+$/g, '');
const quantityOf = (text: string) => (text === '' || text === '?' ? null : Number(text.replaceAll(',', '')));

interface Built {
  bytes: Buffer;
  period: MonthRange | undefined;
  /** Per data row, its first physical line and what the reader must make of it. */
  expected: ({ line: number; record: TradeRecord } | { line: number; reason: RegExp })[];
}

function build(spec: FileSpec): Built {
  const fields = (['hs_code', 'value', ...spec.optional] as ColumnField[])
    .map((f, k) => [f, spec.sortKeys[k]!] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([f]) => f);
  const hasMonth = fields.includes('month');
  const names = fields.map((f) => {
    if (f === 'value') return VALUE_HEADER[spec.currency][spec.language];
    const { zh, en } = HEADER[f];
    if (spec.language === 'zh') return zh;
    const name = en[spec.spelling % en.length]!;
    return spec.upperCase ? name.toUpperCase() : name;
  });
  const [[py, pm], length] = spec.period;
  const periodStart = py * 12 + pm - 1;
  const period = hasMonth ? undefined : { start: periodStart, end: periodStart + length };
  const line = (cells: string[]) => `${cells.join(',')}${spec.trailingComma ? ',' : ''}${spec.eol}`;

  let text = spec.eol.repeat(spec.blankLinesFirst) + line(names.map((n) => field(n, spec.quoteAll)));
  const expected: Built['expected'] = [];
  for (const row of spec.rows) {
    text += spec.eol.repeat(row.blankLinesBefore);
    const lineNumber = 1 + (text.match(/\n/g)?.length ?? 0);
    let damage = row.damage;
    if (damage === 'month' && !hasMonth) damage = 'value';
    const written: Record<ColumnField, string> = {
      ...row,
      month: `${row.month[0]}${String(row.month[1]).padStart(2, '0')}`,
      value: row.groupValue ? grouped(row.value) : String(row.value),
    };
    if (damage === 'value') written.value = row.badValue;
    if (damage === 'month') written.month = row.badMonth;
    if (damage === 'code') written.hs_code = row.badCode;
    const cells = fields.map((f) => field(written[f], spec.quoteAll));
    if (damage === 'short') cells.pop();
    if (damage === 'extra') cells.push(field('extra', spec.quoteAll));
    text += line(cells);
    if (damage !== 'none') {
      expected.push({ line: lineNumber, reason: REASONS[damage] });
      continue;
    }
    const has = (f: ColumnField) => fields.includes(f);
    const textOf = (f: ColumnField) => (has(f) ? trimPadding(written[f]) : '');
    // "?" (current platform) and "-" (2018 files) mark a missing unit.
    const unitOf = (f: ColumnField) => (textOf(f) === '?' || textOf(f) === '-' ? '' : textOf(f));
    const month = hasMonth ? monthName(row.month[0] * 12 + row.month[1] - 1) : undefined;
    expected.push({
      line: lineNumber,
      record: {
        file: FILE,
        line: lineNumber,
        flow: 'import',
        period_start: month ?? monthName(period!.start),
        period_end: month ?? monthName(period!.end),
        hs_code: row.hs_code,
        commodity: textOf('commodity'),
        partner_code: textOf('partner_code'),
        partner: textOf('partner'),
        trade_mode_code: textOf('trade_mode_code'),
        trade_mode: textOf('trade_mode'),
        place_code: textOf('place_code'),
        place: textOf('place'),
        quantity: has('quantity') ? quantityOf(row.quantity) : null,
        unit: unitOf('unit'),
        quantity2: has('quantity2') ? quantityOf(row.quantity2) : null,
        unit2: unitOf('unit2'),
        value: row.value,
        currency: spec.currency,
      },
    });
  }
  const bytes =
    spec.encoding === 'gb18030'
      ? iconv.encode(text, 'gb18030')
      : Buffer.concat([spec.encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  return { bytes, period, expected };
}

describe('random GACC files', () => {
  it('give every row back exactly once, as the record written or as a rejection, on its line', async () => {
    await fc.assert(
      fc.asyncProperty(FILE_SPEC, async (spec) => {
        const { bytes, period, expected } = build(spec);
        // A GB18030 file that is valid UTF-8 throughout (its only Chinese being characters like
        // 台 or 一, whose two bytes also make a UTF-8 character) cannot be told from UTF-8 by any
        // reader; the reader then takes UTF-8. Such files are left out.
        fc.pre(spec.encoding !== 'gb18030' || !isUtf8(bytes) || isAscii(bytes));
        const path = await writeTemp(bytes);
        const { records, result } = await read(path, period, spec.chunkSize);
        const wantRecords = expected.flatMap((e) => ('record' in e ? [e.record] : []));
        const wantRejections = expected.flatMap((e) => ('reason' in e ? [e] : []));
        expect(records).toEqual(wantRecords);
        expect(result.rejections.map((r) => r.line)).toEqual(wantRejections.map((r) => r.line));
        result.rejections.forEach((r, k) => expect(r.reason).toMatch(wantRejections[k]!.reason));
        expect(result.dataRows).toBe(expected.length);
        expect(result.report.total_value).toBe(wantRecords.reduce((sum, r) => sum + r.value, 0));
        expect(result.report.encoding).toBe(spec.encoding === 'utf-8-bom' ? 'utf-8-bom' : isAscii(bytes) ? 'utf-8' : spec.encoding);
      }),
      { numRuns: runs(250), timeout: RUN_TIMEOUT },
    );
  });
});

describe('random GACC files read in segments by worker threads', () => {
  it('give the same records, rejections and report as one pass, whatever the segment size', async () => {
    await fc.assert(
      fc.asyncProperty(FILE_SPEC, fc.integer({ min: 16, max: 300 }), fc.integer({ min: 1, max: 3 }), async (spec, segmentBytes, threads) => {
        const { bytes, period } = build(spec);
        const path = await writeTemp(bytes);
        const whole = await read(path, period, spec.chunkSize, { threads: 0 });
        const inSegments = await read(path, period, spec.chunkSize, { segmentBytes, threads });
        expect(inSegments).toEqual(whole);
      }),
      { numRuns: runs(150), timeout: RUN_TIMEOUT },
    );
  });
});

// Counterexamples the properties above found, kept as plain examples.
describe('found by fuzzing', () => {
  async function readText(bytes: Buffer, chunkSize?: number): Promise<Read> {
    return read(await writeTemp(bytes), { start: 2023 * 12, end: 2023 * 12 + 9 }, chunkSize);
  }

  it('a quoted name loses a tab next to a doubled quote, as it does without one', async () => {
    const { records } = await readText(Buffer.from('"商品编码","商品名称","人民币",\n"0101","""Pony""\t","5",\n"0102","Pony\t","6",\n'));
    expect(records.map((r) => r.commodity)).toEqual(['"Pony"', 'Pony']);
  });

  it.each([undefined, 16, 40])('a GB18030 line that is also valid UTF-8 does not decide the encoding (chunk size %s)', async (chunkSize) => {
    // 台 is CC A8 in GB18030, which is also UTF-8 for U+0328; the full-width comma on line 3
    // (A3 AC) is not UTF-8, and settles it.
    const text = 'Commodity code,Commodity,Unit,US dollar\r\n84713000,Laptops,台,5\r\n84713000,Laptops,"Set，台",6\r\n';
    const { records, result } = await readText(iconv.encode(text, 'gb18030'), chunkSize);
    expect(result.report.encoding).toBe('gb18030');
    expect(records.map((r) => r.unit)).toEqual(['台', 'Set，台']);
  });
});
