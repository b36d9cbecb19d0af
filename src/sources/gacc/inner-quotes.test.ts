// Re-reading a row whose names hold quotes that were never doubled.
import { describe, expect, it } from 'vitest';
import { FieldSpans, scanRow } from './csv-rows.ts';
import { BROKEN_QUOTING, readInnerQuotes, type RowShape } from './inner-quotes.ts';

const SHAPE: RowShape = {
  width: 4,
  trailingEmpty: true,
  nameColumns: Uint8Array.from([0, 1, 0, 0]),
  columnNames: ['Commodity code', 'Commodity', 'US dollar', ''],
};

function reread(line: string, shape = SHAPE) {
  const buf = Buffer.from(line);
  const spans = new FieldSpans();
  scanRow(buf, 0, buf.length, true, spans);
  expect(spans.malformed, 'the strict scan finds the row broken').toBe(true);
  const reason = readInnerQuotes(buf, spans, shape);
  const fields = reason === undefined ? Array.from({ length: spans.count }, (_, k) => buf.toString('utf8', spans.start[k], spans.end[k])) : [];
  return { reason, fields };
}

describe('readInnerQuotes', () => {
  it('splits a fully quoted line at its "," separators', () => {
    expect(reread('"40117010","tyres with "herring-bone", for tractors","9,120",\n')).toEqual({
      reason: undefined,
      fields: ['40117010', 'tyres with "herring-bone", for tractors', '9,120', ''],
    });
  });

  it('allows tabs around the fields, and a line without the trailing comma', () => {
    expect(reread('"40117010"\t,\t"tyres "A" grade","5"\r\n').fields).toEqual(['40117010', 'tyres "A" grade', '5']);
  });

  it('rejects a line that splits into more fields than the header has', () => {
    expect(reread('"40117010","tyres "A","B" grade","5",\n').reason).toMatch(/splits into 4 quoted fields where the header has 3/);
  });

  it('rejects a quote in a code or number column, and doubled quotes mixed with single ones', () => {
    expect(reread('"4011"7010","tyres","5",\n').reason).toMatch(/^broken quoting: column 1 \("Commodity code"\)/);
    expect(reread('"40117010","""A"" and "B"","5",\n').reason).toMatch(/both doubled/);
  });

  it('leaves lines that are not fully quoted, or span lines, to the general message', () => {
    expect(reread('40117010,tyres "A" grade,5,\n').reason).toBe(BROKEN_QUOTING);
    expect(reread('"40117010","tyres\n"A" grade","5",\n').reason).toBe(BROKEN_QUOTING);
  });
});
