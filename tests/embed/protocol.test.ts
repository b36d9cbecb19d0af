import { describe, expect, it } from 'vitest';
import { heightMessages, isPymWidthMessage, pymMessage, readHeight } from '../../src/embed/protocol.ts';

describe('height messages', () => {
  it('says one height in pym.js, Datawrapper and AMP terms', () => {
    expect(heightMessages('pym-chart', 'top-imports-2023', 812)).toEqual([
      'pymxPYMxpym-chartxPYMxheightxPYMx812',
      { 'datawrapper-height': { 'top-imports-2023': 812 } },
      { sentinel: 'amp', type: 'embed-size', height: 812 },
    ]);
  });

  it('reads the height back from each of them', () => {
    for (const message of heightMessages('a', 'b', 640)) expect(readHeight(message)).toBe(640);
    expect(readHeight('pymxPYMxaxPYMxheightxPYMx640.4')).toBe(641);
  });

  it.each([
    ['another pym message', pymMessage('a', 'navigateTo', 'https://example.org')],
    ['a pym height that is no number', 'pymxPYMxaxPYMxheightxPYMx12px'],
    ['an empty pym height', 'pymxPYMxaxPYMxheightxPYMx'],
    ['a negative height', { sentinel: 'amp', type: 'embed-size', height: -5 }],
    ['an infinite height', { 'datawrapper-height': { a: Infinity } }],
    ['Datawrapper heights for two charts', { 'datawrapper-height': { a: 1, b: 2 } }],
    ['another AMP message', { sentinel: 'amp', type: 'embed-ready' }],
    ["a stranger's object", { height: 300 }],
    ['nothing', null],
  ])('ignores %s', (_, message) => {
    expect(readHeight(message)).toBeUndefined();
  });

  it("recognises a pym parent's width message, whatever its id", () => {
    expect(isPymWidthMessage('pymxPYMxpym-containerxPYMxwidthxPYMx600')).toBe(true);
    expect(isPymWidthMessage(pymMessage('', 'width', '600'))).toBe(true);
    expect(isPymWidthMessage('pymxPYMxaxPYMxheightxPYMx600')).toBe(false);
    expect(isPymWidthMessage({ width: 600 })).toBe(false);
  });
});
