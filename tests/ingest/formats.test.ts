// Every quirk of GACC downloads (and of the same files re-saved by a reporter) read end to end:
// each fixture folder goes through the data step and its records.csv is compared in full.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, independentValueSum, RECORDS_HEADER_TEXT, removeTempDirs, runCase } from './helpers.ts';

afterAll(removeTempDirs);

interface Case {
  name: string;
  file: string;
  report: { encoding: string; language: string; currency: string; period_start: string; period_end: string; rows: number; flow: string };
  records: string[];
}

const CASES: Case[] = [
  {
    name: 'gacc-zh-cny',
    file: 'kp-imports-2023.csv',
    report: { encoding: 'gb18030', language: 'zh', currency: 'CNY', period_start: '2023-01', period_end: '2023-03', rows: 4, flow: 'import' },
    records: [
      'kp-imports-2023.csv,2,import,2023-01,2023-01,05021010,猪鬃,109,朝鲜,19,边境小额贸易,21,辽宁省,73105,千克,,,5848714,CNY',
      'kp-imports-2023.csv,3,import,2023-02,2023-02,72022100,硅的质量分数大于55%的硅铁,109,朝鲜,10,一般贸易,22,吉林省,1250000,千克,,,18153000,CNY',
      'kp-imports-2023.csv,4,import,2023-03,2023-03,26110000,钨矿砂及其精矿,109,朝鲜,10,一般贸易,21,辽宁省,30000.5,千克,,,151920,CNY',
      'kp-imports-2023.csv,5,import,2023-03,2023-03,01012100,改良种用马,109,朝鲜,10,一般贸易,22,吉林省,2,千克,2,头,986,CNY',
    ],
  },
  {
    name: 'gacc-en-usd',
    file: 'kp-exports-2023-usd.csv',
    report: { encoding: 'gb18030', language: 'en', currency: 'USD', period_start: '2023-04', period_end: '2023-05', rows: 3, flow: 'export' },
    records: [
      "kp-exports-2023-usd.csv,2,export,2023-04,2023-04,050210,\"Pigs', hogs' or boars' bristles and hair\",109,Korea，DPR,19,Border small-scale trade,21,Liaoning Province,4241,Kilogram,,,53712,USD",
      'kp-exports-2023-usd.csv,3,export,2023-05,2023-05,030389,"Other fish, frozen",109,Korea，DPR,10,General trade,22,Jilin Province,,,,,1204,USD',
      'kp-exports-2023-usd.csv,4,export,2023-05,2023-05,010121,Pure-bred breeding horses,109,Korea，DPR,10,General trade,22,Jilin Province,2,Kilogram,2,Head,140,USD',
    ],
  },
  {
    name: 'gacc-en-cny-ascii-comma',
    file: 'kp-imports-2023.csv',
    // All-ASCII bytes read the same in GB18030 and UTF-8; the detector calls them UTF-8.
    report: { encoding: 'utf-8', language: 'en', currency: 'CNY', period_start: '2023-06', period_end: '2023-06', rows: 2, flow: 'import' },
    records: [
      'kp-imports-2023.csv,2,import,2023-06,2023-06,0502,"Pigs\', hogs\' or boars\' bristles and hair",109,"Korea,DPR",19,Border small-scale trade,21,Liaoning Province,12,Kilogram,,,2120,CNY',
      'kp-imports-2023.csv,3,import,2023-06,2023-06,2611,Tungsten ores and concentrates,109,"Korea,DPR",10,General trade,22,Jilin Province,35000,Kilogram,,,15192000,CNY',
    ],
  },
  {
    name: 'gacc-zh-usd-reordered',
    file: 'kp-imports-2023-chapters-usd.csv',
    report: { encoding: 'gb18030', language: 'zh', currency: 'USD', period_start: '2023-07', period_end: '2023-08', rows: 2, flow: 'import' },
    records: [
      'kp-imports-2023-chapters-usd.csv,2,import,2023-07,2023-07,01,活动物,109,朝鲜,,,,,,,,,1234567,USD',
      'kp-imports-2023-chapters-usd.csv,3,import,2023-08,2023-08,03,鱼、甲壳动物、软体动物及其他水生无脊椎动物,109,朝鲜,,,,,,,,,89,USD',
    ],
  },
  {
    name: 'utf8-plain',
    file: 'kp-imports-2023-saved.csv',
    report: { encoding: 'utf-8', language: 'zh', currency: 'CNY', period_start: '2023-09', period_end: '2023-10', rows: 2, flow: 'import' },
    records: [
      'kp-imports-2023-saved.csv,2,import,2023-09,2023-09,720221,硅铁,109,朝鲜,,,,,500000,千克,,,3500000,CNY',
      'kp-imports-2023-saved.csv,3,import,2023-10,2023-10,284920,碳化硅,109,朝鲜,,,,,1200,千克,,,48000,CNY',
    ],
  },
  {
    name: 'utf8-bom',
    file: 'kp-imports-2023-excel.csv',
    report: { encoding: 'utf-8-bom', language: 'zh', currency: 'CNY', period_start: '2023-10', period_end: '2023-10', rows: 2, flow: 'import' },
    records: [
      'kp-imports-2023-excel.csv,2,import,2023-10,2023-10,25041010,鳞片状天然石墨,109,朝鲜,,,,,,,,,1000,CNY',
      'kp-imports-2023-excel.csv,3,import,2023-10,2023-10,38011000,人造石墨,109,朝鲜,,,,,,,,,20500,CNY',
    ],
  },
  {
    name: 'totals-no-month',
    file: 'kp-imports-2023-01-10-totals.csv',
    report: { encoding: 'gb18030', language: 'zh', currency: 'CNY', period_start: '2023-01', period_end: '2023-10', rows: 2, flow: 'import' },
    records: [
      'kp-imports-2023-01-10-totals.csv,2,import,2023-01,2023-10,72022100,硅的质量分数大于55%的硅铁,109,朝鲜,10,一般贸易,,,25000000,千克,,,181530000,CNY',
      'kp-imports-2023-01-10-totals.csv,3,import,2023-01,2023-10,26110000,钨矿砂及其精矿,109,朝鲜,10,一般贸易,,,1200000,千克,,,151920000,CNY',
    ],
  },
];

describe('the fixtures are the bytes they claim to be', () => {
  const bytes = (name: string, file: string) => readFile(join(fixture(name), file));

  it('GACC downloads are GB18030 with quoted fields, a trailing comma and CRLF', async () => {
    const zh = await bytes('gacc-zh-cny', 'kp-imports-2023.csv');
    expect(isUtf8(zh)).toBe(false);
    expect(zh.subarray(0, 4)).toEqual(Buffer.from([0x22, 0xca, 0xfd, 0xbe])); // "数 in GB18030
    for (const line of zh.toString('latin1').split('\r\n').slice(0, -1)) expect(line).toMatch(/^".*",$/);
  });

  it('the English download writes "Korea，DPR" with the GB18030 full-width comma A3 AC', async () => {
    const en = await bytes('gacc-en-usd', 'kp-exports-2023-usd.csv');
    expect(isUtf8(en)).toBe(false);
    expect(en.includes(Buffer.from([0x4b, 0x6f, 0x72, 0x65, 0x61, 0xa3, 0xac, 0x44, 0x50, 0x52]))).toBe(true);
  });

  it('the re-saved files are UTF-8: one plain with LF and a blank last line, one with a BOM and CRLF', async () => {
    const plain = await bytes('utf8-plain', 'kp-imports-2023-saved.csv');
    expect(isUtf8(plain)).toBe(true);
    expect(plain.includes(0x0d)).toBe(false);
    expect(plain.includes(0x22)).toBe(false);
    expect(plain.subarray(-2).toString()).toBe('\n\n');
    const bom = await bytes('utf8-bom', 'kp-imports-2023-excel.csv');
    expect(bom.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bom.toString('utf8')).toContain('\r\n');
  });
});

describe.each(CASES)('fixture $name', ({ name, file, report, records }) => {
  it('gives exactly the expected records.csv', async () => {
    const { outputs } = await runCase(fixture(name));
    expect(outputs.get('records.csv')!.toString('utf8')).toBe(`${[RECORDS_HEADER_TEXT, ...records].join('\n')}\n`);
    expect(outputs.has('rejected.csv')).toBe(false);
  });

  it('reports the encoding, language, currency, period and row count of the file', async () => {
    const { result } = await runCase(fixture(name));
    expect(result.report.rejected).toEqual([]);
    expect(result.report.files).toHaveLength(1);
    expect(result.report.files[0]).toMatchObject({ file, rejected: 0, synthetic: true, ...report });
  });

  it('totals every value of the file, counted independently', async () => {
    const { result } = await runCase(fixture(name));
    const bytes = await readFile(join(fixture(name), file));
    const { total_value, encoding } = result.report.files[0]!;
    expect(total_value).toBe(independentValueSum(bytes, encoding === 'gb18030' ? 'gb18030' : 'utf-8'));
  });
});
