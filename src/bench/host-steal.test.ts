import { describe, expect, it } from 'vitest';
import { parseProcStat, stealNote, stealShare } from './host-steal.ts';

const STAT = (steal: number, idle: number) => `cpu  400 10 90 ${idle} 3 0 4 ${steal} 50 0\ncpu0 200 5 45 ${idle / 2} 1 0 2 ${steal / 2} 25 0\nintr 1 2 3\n`;

describe('host steal', () => {
  it('reads the all-cores line, leaving guest time out as user time holds it', () => {
    expect(parseProcStat(STAT(100, 1000))).toEqual({ total: 400 + 10 + 90 + 1000 + 3 + 0 + 4 + 100, steal: 100 });
  });

  it('gives nothing for a system without the steal column or the line', () => {
    expect(parseProcStat('cpu  400 10 90 1000 3 0 4\n')).toBeUndefined();
    expect(parseProcStat('intr 1 2 3\n')).toBeUndefined();
  });

  it('divides the steal between two readings by all the time between them', () => {
    const share = stealShare(parseProcStat(STAT(100, 1000)), parseProcStat(STAT(400, 1900)));
    expect(share).toBeCloseTo(300 / (300 + 900));
    expect(stealNote(share)).toContain('took 25%');
  });

  it('says nothing when a reading is missing or no time passed', () => {
    const reading = parseProcStat(STAT(100, 1000));
    expect(stealShare(undefined, reading)).toBeUndefined();
    expect(stealShare(reading, reading)).toBeUndefined();
    expect(stealNote(undefined)).toBe('');
  });
});
