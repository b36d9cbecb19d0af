// Quirks of real GACC downloads and of the platform's code lists, each in a handwritten
// fixture: "-" for a missing unit (2018 platform), CRLF with tabs around fields, and names
// holding double quotes that were never doubled.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, RECORDS_HEADER_TEXT, removeTempDirs, runCase } from './helpers.ts';

afterAll(removeTempDirs);

describe('a 2018 download, which writes "-" for a missing unit', () => {
  it('reads "-" as no unit (and a "-" quantity as none), like "?"', async () => {
    const raw = fixture('gacc-2018-dash-units');
    expect((await readFile(join(raw, 'kp-exports-2018-06.csv'), 'latin1')).match(/,"-",/g)).toHaveLength(4);
    const { outputs, result } = await runCase(raw);
    expect(outputs.get('records.csv')!.toString('utf8')).toBe(
      `${[
        RECORDS_HEADER_TEXT,
        'kp-exports-2018-06.csv,2,export,2018-06,2018-06,10063020,"Long-grain rice, milled",109,"Korea,DPR",10,General trade,,,120000,Kilogram,0,,64800,USD',
        'kp-exports-2018-06.csv,3,export,2018-06,2018-06,87032130,"Small cars, spark-ignition",109,"Korea,DPR",10,General trade,,,3,Unit,0,,41250,USD',
        'kp-exports-2018-06.csv,4,export,2018-06,2018-06,98040000,Articles of low value in simplified customs procedures,109,"Korea,DPR",39,Other,,,,,0,,1072,USD',
      ].join('\n')}\n`,
    );
    expect(result.report.files[0]).toMatchObject({ rows: 3, rejected: 0, total_value: 107_122, language: 'en', currency: 'USD' });
  });
});

describe('CRLF line endings and tabs around fields', () => {
  it('strips tabs inside and outside the quotes and ends lines at CRLF', async () => {
    const raw = fixture('crlf-tabs');
    const bytes = await readFile(join(raw, 'kp-imports-2023-tabs.csv'));
    expect(bytes.toString('latin1').split('\r\n')).toHaveLength(5);
    expect(bytes.includes('\t"202305"\t,')).toBe(true);
    expect(bytes.includes('"\t26110000"')).toBe(true);
    const { outputs, result } = await runCase(raw);
    expect(outputs.get('records.csv')!.toString('utf8')).toBe(
      `${[
        RECORDS_HEADER_TEXT,
        'kp-imports-2023-tabs.csv,2,import,2023-04,2023-04,26110000,钨矿砂及其精矿,109,朝鲜,,,,,30000,千克,,,151920,CNY',
        'kp-imports-2023-tabs.csv,3,import,2023-05,2023-05,28492000,碳化硅,109,朝鲜,,,,,1200,千克,,,48000,CNY',
        'kp-imports-2023-tabs.csv,4,import,2023-05,2023-05,72022100,硅铁,109,朝鲜,,,,,500000,,,,3500000,CNY',
      ].join('\n')}\n`,
    );
    expect(result.report.files[0]).toMatchObject({ rows: 3, rejected: 0, encoding: 'gb18030', total_value: 3_699_920 });
  });
});

describe('names with double quotes that were never doubled', () => {
  const FILE = 'kp-exports-2023-tyres.csv';

  it('are read exactly when every field is quoted and the fields split only one way', async () => {
    const { outputs } = await runCase(fixture('inner-quotes'), { allowRejects: true });
    const records = csvParse(outputs.get('records.csv')!.toString('utf8'));
    expect(records.map((r) => [r.line, r.hs_code, r.commodity, r.partner, r.quantity, r.unit, r.value])).toEqual([
      ['2', '40117010', 'New rubber pneumatic tyres with "herring-bone", for agricultural vehicles', 'Korea，DPR', '2400', 'Kilogram', '9120'],
      ['3', '40119010', 'New rubber pneumatic tyres with "herring-bone" or similar tread', 'Korea，DPR', '800', 'Kilogram', '3050'],
      ['4', '70197100', 'Thin sheets "voiles" of glass fibres', 'Korea，DPR', '150', 'Kilogram', '610'],
    ]);
  });

  it('are rejected with file, line and what to fix when the row could split more than one way', async () => {
    const { result, outputs } = await runCase(fixture('inner-quotes'), { allowRejects: true });
    expect(result.report.rejected.map(({ file, line, reason }) => [file, line, reason])).toEqual([
      [
        FILE,
        5,
        expect.stringMatching(
          /^broken quoting: a name holds double quotes that are not doubled, and the row splits into 9 quoted fields where the header has 8, .*write each quote inside a name twice/,
        ),
      ],
      [FILE, 6, expect.stringMatching(/^broken quoting: column 2 \("Commodity code"\) holds a double quote, which only a name may/)],
      [FILE, 7, expect.stringMatching(/^broken quoting: a name holds both doubled \(""\) and single double quotes/)],
    ]);
    expect(result.report.files[0]).toMatchObject({ rows: 3, rejected: 3, total_value: 9120 + 3050 + 610 });
    expect(outputs.get('rejected.csv')!.toString('utf8')).toContain(`${FILE},5,`);
  });
});
