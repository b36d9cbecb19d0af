// Values, quantities, months and codes as GACC prints them, read from bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitCount, readDecimal, readMonth, readWholeNumber } from './numbers.ts';

/** Reads a whole field, the way the row parser calls these functions. */
const whole = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return readWholeNumber(bytes, 0, bytes.length);
};
const decimal = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return readDecimal(bytes, 0, bytes.length);
};
const month = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return readMonth(bytes, 0, bytes.length);
};

describe('readWholeNumber', () => {
  it('reads any safe whole number back, written plain or with thousands separators', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(whole(String(n))).toBe(n);
        expect(whole(n.toLocaleString('en-US'))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a number in the middle of a larger buffer without looking outside it', () => {
    const bytes = Buffer.from('"9","5,848,714","7"');
    expect(readWholeNumber(bytes, 5, 14)).toBe(5_848_714);
    expect(readWholeNumber(bytes, 5, 13)).toBeNaN(); // "5,848,71"
  });

  it.each(['1,23', '12,3456', ',123', '1,,234', '1,234,', '1234,567', '12,34', '1,2345,678', '1,234,56', '0,700', '00,700', '0,000'])(
    'rejects the malformed grouping "%s"',
    (text) => {
      expect(whole(text)).toBeNaN();
    },
  );

  it('rejects any grouping where a group after the first does not have exactly three digits', () => {
    const group = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 5 }).map((d) => d.join(''));
    fc.assert(
      fc.property(fc.array(group, { minLength: 2, maxLength: 5 }), (groups) => {
        fc.pre(groups.slice(1).some((g) => g.length !== 3) || groups[0]!.length > 3);
        expect(whole(groups.join(','))).toBeNaN();
      }),
    );
  });

  it.each(['', ' ', '1.5', '1,234.00', 'abc', '-5', '+5', '1 234', '5e3', '１２３', '0x1F', '?'])('rejects "%s", which is not a whole number', (text) => {
    expect(whole(text)).toBeNaN();
  });

  it('rejects numbers too large to add exactly', () => {
    expect(whole('9,007,199,254,740,991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(whole('9,007,199,254,740,992')).toBeNaN();
    expect(whole('12345678901234567890')).toBeNaN();
  });
});

describe('readDecimal (quantities)', () => {
  it('reads decimals exactly as JavaScript reads the plain text', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 12 }), fc.option(fc.nat({ max: 999 }), { nil: undefined }), fc.boolean(), (n, fraction, grouped) => {
        const int = grouped ? n.toLocaleString('en-US') : String(n);
        const text = fraction === undefined ? int : `${int}.${String(fraction).padStart(3, '0')}`;
        expect(decimal(text)).toBe(Number(text.replaceAll(',', '')));
      }),
      { numRuns: 1000 },
    );
  });

  it.each(['1.2.3', '.5', '5.', '1,23.5', '12kg', '-1', '?', ''])('rejects "%s"', (text) => {
    expect(decimal(text)).toBeNaN();
  });
});

describe('readMonth', () => {
  it('reads every month YYYYMM from 1980 to 2100 as year * 12 + month - 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1980, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(month(`${y}${String(m).padStart(2, '0')}`)).toBe(y * 12 + m - 1);
      }),
    );
  });

  it.each(['202313', '202300', '20231', '2023010', '2023-10', '2023 1', 'abcdef', ''])('rejects the impossible month "%s"', (text) => {
    expect(month(text)).toBeNaN();
  });
});

describe('digitCount', () => {
  it('counts the digits of a code, leading zeros included', () => {
    for (const code of ['01', '0101', '010121', '01012100', '7202210']) expect(digitCount(Buffer.from(code), 0, code.length)).toBe(code.length);
  });

  it('is negative for anything but digits', () => {
    for (const code of ['7202210A', '7202 2100', '72.02', '-1']) expect(digitCount(Buffer.from(code), 0, code.length)).toBeLessThan(0);
  });
});
