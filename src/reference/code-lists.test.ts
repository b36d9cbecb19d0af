import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCodeList, parseHs8List, parseNameList } from './code-lists.ts';

// Written the way the platform exports its lists: GB18030, header quoted, rows not.
const PARTNERS = iconv.encode(
  '"CODES","DESCRIPTION",\n101,Afghanistan,\n109,Korea,DPR,\n110,Hong Kong，China,\n125,Nepal, FDR,\n349,\u0000,\n446,Virgin  Islands, British,\n',
  'gb18030',
);

const HS8 = [
  '"CODES","DESCRIPTION","YEAR","UNIT_1_CODES","UNIT_1_DESCRIPTION","UNIT_2_CODES","UNIT_2_DESCRIPTION",',
  '01012100,"Live pure-bred breeding horses",2023,09,"Kilogram",01,"Number of item",',
  // A bare carriage return before the closing quote.
  '03048700,"Frozen fillets of tunas, skipjack tuna (stripe-bellied bonito) \r",2023,09,"Kilogram",?,"?",',
  // A name broken over lines, one starting with a digit.
  '29037800,"Other perhalogenated derivatives, of',
  '143a)",2023,09,"Kilogram",?,"?",',
  // Quotes inside the name, not doubled.
  '72253010,"Flat-rolled products of high-speed steel, hot-rolled or cold-rolled "cold-reduced"",2023,09,"Kilogram",?,"?",',
  '',
].join('\n');

describe("GACC's code lists", () => {
  it('read partner rows whole, commas, full-width commas and all; a NUL name is no name', () => {
    expect(parseNameList(decodeCodeList(PARTNERS), 3, 'en-TradingPartner.csv')).toEqual([
      { code: '101', name: 'Afghanistan' },
      { code: '109', name: 'Korea,DPR' },
      { code: '110', name: 'Hong Kong，China' },
      { code: '125', name: 'Nepal, FDR' },
      { code: '349', name: '' },
      { code: '446', name: 'Virgin Islands, British' },
    ]);
  });

  it('refuse a row that is not a code, a name and a trailing comma, naming the line', () => {
    expect(() => parseNameList('"CODES","DESCRIPTION",\n10,Ordinary Trade,\n1O,Typo,\n', 2, 'en-CustomsRegime.csv')).toThrow(
      'en-CustomsRegime.csv, line 3: expected a 2-digit code, a name and a trailing comma, got "1O,Typo,"',
    );
  });

  it('read HS8 names across line breaks, carriage returns and unescaped quotes', () => {
    expect(parseHs8List(HS8, 'en-hs8-2023.csv')).toEqual([
      { code: '01012100', name: 'Live pure-bred breeding horses' },
      { code: '03048700', name: 'Frozen fillets of tunas, skipjack tuna (stripe-bellied bonito)' },
      { code: '29037800', name: 'Other perhalogenated derivatives, of 143a)' },
      { code: '72253010', name: 'Flat-rolled products of high-speed steel, hot-rolled or cold-rolled "cold-reduced"' },
    ]);
  });

  it('refuse an HS8 row whose year and units are missing', () => {
    expect(() => parseHs8List(`${HS8}01019000,"Live mules and hinnies",\n`, 'zh-hs8-2023.csv')).toThrow(
      'zh-hs8-2023.csv: the row of code 01019000 does not end in year, unit codes and unit names',
    );
  });
});
