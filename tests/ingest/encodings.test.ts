// Which encoding a file is read in decides every name in it: a wrong guess gives mojibake that
// looks like data. These files are written inside the test, each for one way the guess could
// go wrong.
import type { TradeRecord } from '../../src/contract/index.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileError } from '../../src/ingest/errors.ts';
import { readGaccFile, type FileReadResult } from '../../src/sources/gacc/read-file.ts';
import { gb18030, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

let dir: string;
beforeAll(async () => {
  dir = await tempDir('ingest-enc-');
});

async function read(name: string, bytes: Buffer, chunkSize?: number): Promise<{ records: TradeRecord[]; result: FileReadResult }> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const records: TradeRecord[] = [];
  const result = await readGaccFile(
    { file: name, path, flow: 'import', period: { start: 2023 * 12, end: 2023 * 12 + 9 }, synthetic: true, source: 'test' },
    { onRecord: (r) => records.push(r), ...(chunkSize ? { chunkSize } : {}) },
  );
  return { records, result };
}

async function fileError(name: string, bytes: Buffer): Promise<FileError> {
  const error = await read(name, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileError);
  return error as FileError;
}

describe('a non-ASCII name that first appears far into the file', () => {
  let text = 'Commodity code,Commodity,Trading partner,US dollar\n';
  for (let k = 0; k < 200; k++) text += `${String(k).padStart(4, '0')},Horses,Korea DPR,${k}\n`;
  text += '0202,马,"Korea，DPR",6\n';

  it.each([64, 1000, undefined])('is read right in a GB18030 file (chunk size %s)', async (chunkSize) => {
    const { records, result } = await read('late-gb.csv', gb18030(text), chunkSize);
    expect(result.report.encoding).toBe('gb18030');
    expect(records.at(-1)).toMatchObject({ line: 202, commodity: '马', partner: 'Korea，DPR' });
  });

  it.each([64, 1000, undefined])('is read right in a UTF-8 file (chunk size %s)', async (chunkSize) => {
    const { records, result } = await read('late-utf8.csv', Buffer.from(text), chunkSize);
    expect(result.report.encoding).toBe('utf-8');
    expect(records.at(-1)).toMatchObject({ line: 202, commodity: '马', partner: 'Korea，DPR' });
  });
});

describe('lines ending in a lone CR (Excel for Mac\'s "CSV (Macintosh)")', () => {
  it('are read with their Chinese names in UTF-8', async () => {
    const { records } = await read(
      'mac-utf8.csv',
      Buffer.from('数据年月,商品编码,商品名称,贸易伙伴名称,人民币\r202301,72022100,硅铁,朝鲜,5\r202302,72022100,硅铁,朝鲜,6\r'),
    );
    expect(records.map((r) => [r.line, r.commodity, r.partner])).toEqual([
      [2, '硅铁', '朝鲜'],
      [3, '硅铁', '朝鲜'],
    ]);
  });

  it('are read with "Korea，DPR" in GB18030', async () => {
    const { records, result } = await read(
      'mac-gb.csv',
      gb18030('Date of data,Commodity code,Commodity,Trading partner,US dollar\r202301,0101,Horses,"Korea，DPR",5\r202302,0101,Horses,"Korea，DPR",7\r'),
    );
    expect(records.map((r) => r.partner)).toEqual(['Korea，DPR', 'Korea，DPR']);
    expect(result.report.encoding).toBe('gb18030');
  });

  it('lose only the row with a stray quote, not every row after it', async () => {
    const { records, result } = await read(
      'mac-quote.csv',
      Buffer.from('Commodity code,Commodity,US dollar\r0101,Horses,5\r0102,Horse "Pony",6\r0103,Mules,7\r0104,Asses,8\r'),
    );
    expect(result.rejections.map((r) => [r.line, r.reason])).toEqual([[3, expect.stringMatching(/^broken quoting/)]]);
    expect(records.map((r) => [r.line, r.commodity])).toEqual([
      [2, 'Horses'],
      [4, 'Mules'],
      [5, 'Asses'],
    ]);
  });
});

describe('lines of only spaces and tabs', () => {
  it('are blank lines, not rows: passed over, line numbers kept', async () => {
    const { records, result } = await read('spaces.csv', Buffer.from('Commodity code,Commodity,US dollar\r\n   \r\n0101,Horses,5\r\n\t \r\n0102,Asses,6\r\n'));
    expect(result.rejections).toEqual([]);
    expect(records.map((r) => [r.line, r.commodity])).toEqual([
      [3, 'Horses'],
      [5, 'Asses'],
    ]);
  });
});

describe('an English download re-saved as Windows-1252', () => {
  it('is refused row by row, not read as GB18030 mojibake ("Crème" is a valid GB18030 byte string)', async () => {
    const cp1252 = Buffer.from('Commodity code,Commodity,US dollar\r\n0101,Horses,5\r\n0401,Cr\xe8me fra\xeeche,6\r\n0805,Cura\xe7ao oranges,7\r\n', 'latin1');
    const { records, result } = await read('cp1252.csv', cp1252);
    expect(result.report.encoding).toBe('gb18030');
    expect(records.map((r) => r.commodity)).toEqual(['Horses']);
    expect(result.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, expect.stringMatching(/^the commodity name cannot be decoded as text/)],
      [4, expect.stringMatching(/^the commodity name cannot be decoded as text/)],
    ]);
  });

  it('leaves the full-width comma of "Korea，DPR" in a real English GACC download alone', async () => {
    const { records, result } = await read('en-gb.csv', gb18030('Commodity code,Commodity,Trading partner,US dollar\r\n0101,Horses,"Korea，DPR",5\r\n'));
    expect(result.rejections).toEqual([]);
    expect(records[0]!.partner).toBe('Korea，DPR');
  });
});

describe('files that are not GB18030 or UTF-8 text', () => {
  const utf16 = (text: string, bigEndian: boolean) => {
    const le = Buffer.from(text, 'utf16le');
    return bigEndian ? Buffer.from(le).swap16() : le;
  };
  const CSV = '数据年月,商品编码,商品名称,人民币\r\n202301,72022100,硅铁,2500\r\n';

  it('UTF-16 big-endian with a byte-order mark', async () => {
    const error = await fileError('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(CSV, true)]));
    expect(error.problem).toMatchObject({ file: 'utf16be.csv', message: expect.stringMatching(/UTF-16/) });
  });

  it('UTF-16 without a byte-order mark, little- or big-endian, is named as UTF-16', async () => {
    for (const bigEndian of [false, true]) {
      const error = await fileError('utf16-nobom.csv', utf16('Commodity code,US dollar\r\n0101,5\r\n', bigEndian));
      expect(error.problem).toMatchObject({ file: 'utf16-nobom.csv', message: expect.stringMatching(/^the file is UTF-16/) });
    }
  });

  it('NUL bytes after a UTF-8 byte-order mark', async () => {
    const error = await fileError('bom-junk.csv', Buffer.from([0xef, 0xbb, 0xbf, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]));
    expect(error.problem).toMatchObject({ file: 'bom-junk.csv', message: expect.stringMatching(/not a text file/) });
  });

  it('NUL bytes far into a file that starts as a good download', async () => {
    let text = '"Commodity code","US dollar",\r\n';
    for (let k = 0; k < 100; k++) text += `"${String(k).padStart(4, '0')}","${k}",\r\n`;
    const path = 'late-junk.csv';
    const bytes = Buffer.concat([Buffer.from(text), Buffer.alloc(64)]);
    const error = await read(path, bytes, 256).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).problem.message).toMatch(/not a text file/);
  });
});
