import { describe, expect, it } from 'vitest';
import { GroupTable } from './group-table.ts';

describe('GroupTable', () => {
  it('numbers each combination of values once, in the order first seen', () => {
    const table = new GroupTable();
    expect(table.groupOf(['2603', 'KP'])).toBe(0);
    expect(table.groupOf(['2603', 'MN'])).toBe(1);
    expect(table.groupOf(['2603', 'KP'])).toBe(0);
    expect(table.groupOf([2024, 'KP'])).toBe(2);
    expect(table.dims).toEqual([
      ['2603', 'KP'],
      ['2603', 'MN'],
      [2024, 'KP'],
    ]);
  });

  it('leads a walk from its root to the number of a known group only', () => {
    const table = new GroupTable();
    const group = table.groupOf(['2603', 'KP']);
    expect((table.root.get('2603') as Map<string, number>).get('KP')).toBe(group);
    expect(table.has(['2603', 'KP'])).toBe(true);
    expect(table.has(['2603'])).toBe(false);
    expect(table.has(['2603', 'MN'])).toBe(false);
  });

  it('keeps one group when there are no dimensions', () => {
    const table = new GroupTable();
    expect(table.has([])).toBe(false);
    expect(table.groupOf([])).toBe(0);
    expect(table.groupOf([])).toBe(0);
    expect(table.size).toBe(1);
  });

  it('sums values and counts records past its first capacity', () => {
    const table = new GroupTable();
    for (let round = 0; round < 2; round++) for (let k = 0; k < 1000; k++) table.add(table.groupOf([String(k)]), k);
    expect(table.size).toBe(1000);
    expect(table.value(999)).toBe(1998);
    expect(table.recordCount(0)).toBe(2);
    expect(table.recordCount(999)).toBe(2);
  });

  it('keeps sums to restate apart from the value, by rate', () => {
    const table = new GroupTable();
    const group = table.groupOf(['KP']);
    table.add(group, 10);
    table.addToConvert(group, 1, 5);
    table.addToConvert(group, 1, 7);
    expect(table.value(group)).toBe(10);
    expect(table.sumsToConvert(group)).toEqual([undefined, 12]);
    expect(table.recordCount(group)).toBe(3);
    expect(table.sumsToConvert(table.groupOf(['MN']))).toEqual([]);
  });
});
