import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, listNames } from './suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('ferrosilicon', 'ferrosilicon')).toBe(0);
    expect(editDistance('ferosilicon', 'ferrosilicon')).toBe(1);
    expect(editDistance('chrt', 'chart')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'fact')).toBe(4);
  });
});

describe('closest', () => {
  const years = ['tungsten-2024', 'tungsten-2019', 'tungsten-2022', 'tungsten-2023', 'tungsten-2021'];

  it('returns at most three, nearest first, ties in alphabetical order', () => {
    // Four keys are one edit from "tungsten-202"; 2019 is two.
    expect(closest('tungsten-202', years)).toEqual(['tungsten-2021', 'tungsten-2022', 'tungsten-2023']);
    expect(closest('tungsten-2023', ['tungsten-2022', 'tungsten-2023'])).toEqual(['tungsten-2023', 'tungsten-2022']);
  });

  it('keeps only candidates within a third of the target in edits, or sharing its start', () => {
    expect(closest('class', ['as', 'precision'])).toEqual([]);
    expect(closest('ferrosilicon', ['ferrosilicon-2023', 'tungsten-2023'])).toEqual(['ferrosilicon-2023']);
    expect(closest('tungsten-ore-2023', ['tungsten-2023'])).toEqual(['tungsten-2023']);
    expect(closest('graphite', years)).toEqual([]);
  });
});

describe('listNames', () => {
  it('quotes and joins names', () => {
    expect(listNames(['a'])).toBe('"a"');
    expect(listNames(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
    expect(listNames(['fact', 'chart'], { conjunction: 'and' })).toBe('"fact" and "chart"');
    expect(listNames(['fact'], { quote: (name) => `:${name}` })).toBe(':fact');
  });
});

describe('didYouMean', () => {
  it('suggests close names or says nothing', () => {
    expect(didYouMean('fac', ['fact', 'chart'])).toBe(' Did you mean "fact"?');
    expect(didYouMean('chrt', ['fact', 'chart'], (name) => `"::${name}"`)).toBe(' Did you mean "::chart"?');
    expect(didYouMean('zzzzzz', ['fact', 'chart'])).toBe('');
  });
});
