import { describe, expect, it } from 'vitest';
import { ko } from './ko.ts';

describe('ko.money', () => {
  it('writes amounts of 100만 or more in 억/만 groups rounded to the nearest 만', () => {
    expect(ko.money(181_530_000, 'CNY', {})).toBe('1억8153만 위안');
    expect(ko.money(151_920_000, 'CNY', {})).toBe('1억5192만 위안');
    expect(ko.money(6_372_000, 'CNY', {})).toBe('637만 위안');
    expect(ko.money(6_375_000, 'CNY', {})).toBe('638만 위안');
    expect(ko.money(25_761_198.6, 'USD', { approximate: true })).toBe('2576만 달러');
  });

  it('drops zero groups', () => {
    expect(ko.money(100_000_000, 'CNY', {})).toBe('1억 위안');
    expect(ko.money(1_000_050_000, 'CNY', {})).toBe('10억5만 위안');
    expect(ko.money(1_200_000_000_000, 'CNY', {})).toBe('1조2000억 위안');
    expect(ko.money(99_995_000, 'CNY', {})).toBe('1억 위안');
  });

  it('writes amounts below 100만 whole, in groups without commas', () => {
    expect(ko.money(486_000, 'CNY', {})).toBe('48만6000 위안');
    expect(ko.money(999_999.6, 'CNY', {})).toBe('100만 위안');
    expect(ko.money(5000, 'CNY', {})).toBe('5000 위안');
    expect(ko.money(0, 'CNY', {})).toBe('0 위안');
  });

  it('takes precision as decimals of the leading group', () => {
    expect(ko.money(181_530_000, 'CNY', { precision: 1 })).toBe('1억8000만 위안');
    expect(ko.money(181_530_000, 'CNY', { precision: 0 })).toBe('2억 위안');
    expect(ko.money(6_372_000, 'CNY', { precision: 2 })).toBe('637만2000 위안');
  });

  it('puts a minus sign in front of negatives', () => {
    expect(ko.money(-6_372_000, 'CNY', {})).toBe('\u2212637만 위안');
  });
});

describe('ko.compact', () => {
  it('uses one decimal of the leading group and no currency word', () => {
    expect(ko.compact(181_530_000, 'CNY', undefined)).toBe('1.8억');
    expect(ko.compact(25_761_000, 'USD', undefined)).toBe('2576.1만');
    expect(ko.compact(25_761_000, 'USD', 0)).toBe('2576만');
    expect(ko.compact(99_999_999, 'CNY', undefined)).toBe('1억');
    expect(ko.compact(5000, undefined, undefined)).toBe('5000');
  });
});

describe('ko.count', () => {
  it('writes digits with a counter word, 개 by default', () => {
    expect(ko.count(5, undefined)).toBe('5개');
    expect(ko.count(12_345, undefined)).toBe('1만2345개');
    expect(ko.count(10, '건')).toBe('10건');
    expect(ko.count(3, '')).toBe('3');
  });
});

describe('ko.ordinal', () => {
  it('writes ranks as 위', () => {
    expect(ko.ordinal(2, false)).toBe('2위');
    expect(ko.ordinal(11, true)).toBe('11위');
  });
});

describe('ko.period', () => {
  it('names the months of a period', () => {
    expect(ko.period({ start: '2023-01', end: '2023-10' })).toBe('2023년 1~10월');
    expect(ko.period({ start: '2023-10', end: '2023-10' })).toBe('2023년 10월');
    expect(ko.period({ start: '2022-11', end: '2023-10' })).toBe('2022년 11월~2023년 10월');
  });
});

describe('ko.rateNote', () => {
  it('names the rate, its year and its source', () => {
    expect(ko.rateNote({ value: 1, rate: 7.0467, rate_year: 2023, rate_source: "People's Bank of China" })).toBe(
      "달러당 7.0467위안 기준(2023년 환율, People's Bank of China)",
    );
  });
});
