// Number and code readers that work on the bytes of one field, so the hot loop makes no
// strings for the numbers it reads. Each returns NaN (or false) for anything it cannot read
// exactly; the caller turns that into a rejection with a reason.

const ZERO = 0x30;
const NINE = 0x39;
const COMMA = 0x2c;
const DOT = 0x2e;
const SPACE = 0x20;

export function trimStart(buf: Uint8Array, s: number, e: number): number {
  while (s < e && buf[s] === SPACE) s++;
  return s;
}

export function trimEnd(buf: Uint8Array, s: number, e: number): number {
  while (e > s && buf[e - 1] === SPACE) e--;
  return e;
}

/**
 * A whole number, either plain ("5848714") or with correct thousands separators
 * ("5,848,714"); "5,84,8714", "0,700" and "1.5" are not accepted.
 */
export function readWholeNumber(buf: Uint8Array, s: number, e: number): number {
  return readNumber(buf, s, e, false);
}

/** Like readWholeNumber, but a decimal fraction is allowed ("1234.5"). */
export function readDecimal(buf: Uint8Array, s: number, e: number): number {
  return readNumber(buf, s, e, true);
}

function readNumber(buf: Uint8Array, s: number, e: number, allowFraction: boolean): number {
  if (s >= e) return NaN;
  let value = 0;
  let digitsInGroup = 0;
  let grouped = false;
  let i = s;
  for (; i < e; i++) {
    const c = buf[i]!;
    if (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      digitsInGroup++;
    } else if (c === COMMA) {
      if (digitsInGroup === 0 || digitsInGroup > 3 || (grouped && digitsInGroup !== 3)) return NaN;
      // "0,700" is no grouping anyone writes: the field was damaged, not formatted.
      if (!grouped && buf[s] === ZERO) return NaN;
      grouped = true;
      digitsInGroup = 0;
    } else if (c === DOT && allowFraction) {
      break;
    } else {
      return NaN;
    }
  }
  if (digitsInGroup === 0 || (grouped && digitsInGroup !== 3)) return NaN;
  if (i < e) {
    // A fraction: re-read the whole number as text so the decimal value is exact.
    let fractionDigits = 0;
    for (let k = i + 1; k < e; k++) {
      const c = buf[k]!;
      if (c < ZERO || c > NINE) return NaN;
      fractionDigits++;
    }
    if (fractionDigits === 0) return NaN;
    let text = '';
    for (let k = s; k < e; k++) if (buf[k] !== COMMA) text += String.fromCharCode(buf[k]!);
    value = Number(text);
  }
  return Number.isSafeInteger(Math.trunc(value)) ? value : NaN;
}

/** Number of leading ASCII digits if the whole field is digits, else -1. */
export function digitCount(buf: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const c = buf[i]!;
    if (c < ZERO || c > NINE) return -1;
  }
  return e - s;
}

/** A month as YYYYMM, returned as year * 12 + (month - 1), or NaN when impossible. */
export function readMonth(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 6 || digitCount(buf, s, e) !== 6) return NaN;
  let year = 0;
  for (let i = s; i < s + 4; i++) year = year * 10 + (buf[i]! - ZERO);
  const month = (buf[s + 4]! - ZERO) * 10 + (buf[s + 5]! - ZERO);
  if (month < 1 || month > 12 || year < 1980 || year > 2100) return NaN;
  return year * 12 + month - 1;
}
