import { describe, expect, it } from 'vitest';
import { wrap } from './wrap.ts';

/** One unit a character: what a monospaced font would measure. */
const chars = (line: string) => [...line].length;

describe('wrap', () => {
  it('breaks at spaces into lines no wider than the limit, losing no word', () => {
    const text = 'China buys minerals used to make chips from North Korea';
    const lines = wrap(text, 16, chars);
    expect(lines).toEqual(['China buys', 'minerals used to', 'make chips from', 'North Korea']);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a word wider than a line between characters, so it never overflows', () => {
    expect(wrap('see 아주긴단어가한줄보다길다 here', 5, chars)).toEqual(['see', '아주긴단어', '가한줄보다', '길다', 'here']);
  });

  it('keeps a letter and its combining accent together when it breaks a word', () => {
    const lines = wrap('Cre\u0301me', 3, chars);
    expect(lines.every((line) => !/^\u0301/.test(line))).toBe(true);
    expect(lines.join('')).toBe('Cre\u0301me');
  });

  it('cuts after the last line allowed with an ellipsis that fits', () => {
    expect(wrap('one two three four five six', 9, chars, 2)).toEqual(['one two', 'three…']);
    expect(wrap('one two three four five six', 10, chars, 2)).toEqual(['one two', 'three…']);
    expect(wrap('one two three four five six', 11, chars, 2)).toEqual(['one two', 'three four…']);
    for (const line of wrap('abcdefghij klmnopqrst', 5, chars, 2)) expect(chars(line)).toBeLessThanOrEqual(5);
  });
});
