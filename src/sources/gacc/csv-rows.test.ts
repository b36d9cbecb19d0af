// The byte-level row scanner: where fields start and end, what it does at the end of the bytes
// it has been given, and broken quoting.
import { describe, expect, it } from 'vitest';
import { FieldSpans, NEED_MORE, scanRow } from './csv-rows.ts';

function fields(buf: Buffer, spans: FieldSpans): string[] {
  const out: string[] = [];
  for (let k = 0; k < spans.count; k++) out.push(buf.toString('utf8', spans.start[k], spans.end[k]));
  return out;
}

function scan(text: string, { limit, atEnd = true, pos = 0 }: { limit?: number; atEnd?: boolean; pos?: number } = {}) {
  const buf = Buffer.from(text, 'utf8');
  const spans = new FieldSpans();
  const next = scanRow(buf, pos, limit ?? buf.length, atEnd, spans);
  return { next, fields: fields(buf, spans), spans };
}

describe('scanRow', () => {
  it('splits a GACC line into quoted fields and the empty field after the trailing comma', () => {
    const line = '"202301","05021010","猪鬃","5,848,714",\r\n"next"';
    const { next, fields: f, spans } = scan(line);
    expect(f).toEqual(['202301', '05021010', '猪鬃', '5,848,714', '']);
    expect(next).toBe(Buffer.byteLength(line) - '"next"'.length);
    expect(spans.malformed).toBe(false);
  });

  it('ends a row at LF, CRLF or the end of the file', () => {
    expect(scan('a,b\nc').next).toBe(4);
    expect(scan('a,b\r\nc').next).toBe(5);
    expect(scan('a,b').next).toBe(3);
    expect(scan('"a","b"').fields).toEqual(['a', 'b']);
  });

  it('keeps commas inside quotes and marks doubled quotes for unescaping', () => {
    const { fields: f, spans } = scan('"Korea,DPR","6"" pipe","x"\n');
    expect(f).toEqual(['Korea,DPR', '6"" pipe', 'x']);
    expect([...spans.escaped.subarray(0, 3)]).toEqual([0, 1, 0]);
  });

  it("counts line breaks inside quoted fields so the next row's line number stays true", () => {
    const { fields: f, spans } = scan('"a\nb","c\r\nd\ne"\r\n');
    expect(f).toEqual(['a\nb', 'c\r\nd\ne']);
    expect(spans.innerLineBreaks).toBe(3);
  });

  it('asks for more bytes when a row runs past the limit', () => {
    expect(scan('"202301","0502', { atEnd: false }).next).toBe(NEED_MORE);
    expect(scan('202301,0502', { atEnd: false }).next).toBe(NEED_MORE);
    expect(scan('"6"', { atEnd: false }).next).toBe(NEED_MORE); // "6"" would be an escaped quote
  });

  it('asks for more bytes when the limit falls between the CR and the LF of a line ending', () => {
    // Given only 'a,b\r', the row's line ending might be CRLF: ending the row at the CR would
    // leave the LF to be read as a blank line, one line too many.
    expect(scan('a,b\r\nc,d\r\n', { limit: 4, atEnd: false }).next).toBe(NEED_MORE);
    expect(scan('"a","b"\r\n', { limit: 8, atEnd: false }).next).toBe(NEED_MORE);
  });

  it('takes tabs and spaces outside the quotes as padding, not as part of a broken field', () => {
    const { fields: f, spans } = scan('\t"202305"\t, "0101" ,"x"\r\n');
    expect(f).toEqual(['202305', '0101', 'x']);
    expect(spans.malformed).toBe(false);
    expect(scan('"a"\t', { atEnd: false }).next).toBe(NEED_MORE); // a comma or a line end may follow
  });

  it('marks a stray quote as broken quoting and resumes at the next line', () => {
    const text = '"1","Horse "Pony"","5",\n"2","Cow","6",\n';
    const first = scan(text);
    expect(first.spans.malformed).toBe(true);
    const second = scan(text, { pos: first.next });
    expect(second.spans.malformed).toBe(false);
    expect(second.fields).toEqual(['2', 'Cow', '6', '']);
  });

  it('marks an unclosed quote at the end of the file as broken quoting', () => {
    const { spans, next } = scan('"1","Horse,5,\n');
    expect(spans.malformed).toBe(true);
    expect(next).toBe(Buffer.byteLength('"1","Horse,5,\n'));
  });

  it('finds fields in GB18030 bytes, whose multi-byte characters never contain a quote, comma or newline byte', () => {
    // 猪鬃 and Korea，DPR in GB18030: D6 ED F7 D7 and ... A3 AC ...
    const buf = Buffer.concat([
      Buffer.from('"'),
      Buffer.from([0xd6, 0xed, 0xf7, 0xd7]),
      Buffer.from('","Korea'),
      Buffer.from([0xa3, 0xac]),
      Buffer.from('DPR",\r\n'),
    ]);
    const spans = new FieldSpans();
    expect(scanRow(buf, 0, buf.length, true, spans)).toBe(buf.length);
    expect(spans.count).toBe(3);
    expect(buf.subarray(spans.start[1], spans.end[1])).toEqual(Buffer.from([0x4b, 0x6f, 0x72, 0x65, 0x61, 0xa3, 0xac, 0x44, 0x50, 0x52]));
  });
});
