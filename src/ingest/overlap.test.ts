// Two downloads that hold the same trade would count it twice. A column a download lacks
// (its query did not split by it) stands for every value of that column.
import type { TradeRecord } from '../contract/index.ts';
import { describe, expect, it } from 'vitest';
import { FileCoverage, findOverlaps } from './overlap.ts';

const ALL_COLUMNS = ['month', 'hs_code', 'commodity', 'partner_code', 'partner', 'trade_mode_code', 'place_code', 'value'];

function record(file: string, line: number, fields: Partial<TradeRecord>): TradeRecord {
  return {
    file,
    line,
    flow: 'import',
    period_start: '2023-03',
    period_end: '2023-03',
    hs_code: '72022100',
    commodity: '硅铁',
    partner_code: '109',
    partner: '朝鲜',
    trade_mode_code: '10',
    trade_mode: '',
    place_code: '22',
    place: '',
    quantity: null,
    unit: '',
    quantity2: null,
    unit2: '',
    value: 1,
    currency: 'CNY',
    ...fields,
  };
}

function coverage(file: string, rows: Partial<TradeRecord>[], columns = ALL_COLUMNS): FileCoverage {
  const c = new FileCoverage(file, rows[0]?.flow ?? 'import');
  rows.forEach((fields, k) => c.add(record(file, k + 2, fields)));
  c.setColumns(columns);
  return c;
}

describe('findOverlaps', () => {
  it('a download without a partner column covers every partner, so it overlaps one for partner 109', () => {
    const allPartners = coverage(
      'all-partners.csv',
      [{ partner_code: '', partner: '' }],
      ALL_COLUMNS.filter((c) => !c.startsWith('partner')),
    );
    const kp = coverage('kp.csv', [{ partner_code: '116' }, { partner_code: '109' }]);
    const problems = findOverlaps([allPartners, kp]);
    expect(problems).toEqual([
      {
        file: 'all-partners.csv',
        line: 2,
        message: expect.stringMatching(/^overlaps kp\.csv \(line 2\): both hold imports of code 72022100, trade mode 10, place 22 in 2023-03/),
      },
    ]);
  });

  it('downloads for different partners do not overlap', () => {
    expect(findOverlaps([coverage('a.csv', [{ partner_code: '109' }]), coverage('b.csv', [{ partner_code: '116' }])])).toEqual([]);
  });

  it('a 2-digit chapter total overlaps 8-digit rows of that chapter in its period, naming the months', () => {
    const chapter = coverage('chapter-72.csv', [
      { hs_code: '26', period_start: '2023-01', period_end: '2023-10' },
      { hs_code: '72', period_start: '2023-01', period_end: '2023-10' },
    ]);
    const detail = coverage('detail.csv', [{ hs_code: '72022100', period_start: '2023-03', period_end: '2023-03' }]);
    expect(findOverlaps([chapter, detail])).toEqual([
      { file: 'chapter-72.csv', line: 3, message: expect.stringMatching(/code 72, partner 109, trade mode 10, place 22 in 2023-03;/) },
    ]);
  });

  it("the same trade in months that do not meet does not overlap, even when the files' periods do", () => {
    const a = coverage('a.csv', [
      { period_start: '2023-01', period_end: '2023-01' },
      { hs_code: '26110000', period_start: '2023-05', period_end: '2023-05' },
    ]);
    const b = coverage('b.csv', [
      { period_start: '2023-02', period_end: '2023-02' },
      { hs_code: '28492000', period_start: '2023-05', period_end: '2023-05' },
    ]);
    expect(findOverlaps([a, b])).toEqual([]);
  });

  it('names every overlapping pair among several files', () => {
    const files = ['a.csv', 'b.csv', 'c.csv'].map((f) => coverage(f, [{}]));
    expect(findOverlaps(files).map((p) => [p.file, /overlaps (\S+)/.exec(p.message)![1]])).toEqual([
      ['a.csv', 'b.csv'],
      ['a.csv', 'c.csv'],
      ['b.csv', 'c.csv'],
    ]);
  });
});
