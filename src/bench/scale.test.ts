import { describe, expect, it } from 'vitest';
import { MB, scaleTargets, type BuildSummary, type ScaleSummary } from './scale.ts';

const build = (wall: number, peakMb = 400): BuildSummary => ({
  wall: { median: wall, min: wall, max: wall },
  cpu: { median: wall, min: wall, max: wall },
  peak: { median: peakMb * MB, min: peakMb * MB, max: peakMb * MB },
  site: undefined,
});

const summary = (shippedCold: number, scaledCold: number, scaledWarm: number, peakMb?: number): ScaleSummary => ({
  shippedCold: build(shippedCold),
  shippedWarm: build(shippedCold / 2),
  scaledCold: build(scaledCold, peakMb),
  scaledWarm: build(scaledWarm),
});

const byName = (targets: ReturnType<typeof scaleTargets>, start: string) => targets.find((t) => t.name.startsWith(start))!;

describe('scaleTargets', () => {
  it('does not print a share just over its target as the target', () => {
    const share = byName(scaleTargets(summary(10, 25.6, 6.5)), 'warm rebuild');
    expect(share).toMatchObject({ value: '25.4%', holds: false });
  });

  it('holds a share and a growth exactly at their targets', () => {
    const targets = scaleTargets(summary(10, 20, 5));
    expect(byName(targets, 'cold build growth')).toMatchObject({ value: '+100.0%', holds: true });
    expect(byName(targets, 'warm rebuild')).toMatchObject({ value: '25.0%', holds: true });
  });

  it('judges peak memory by the highest scaled build', () => {
    expect(byName(scaleTargets(summary(10, 15, 3, 501)), 'highest peak')).toMatchObject({ value: '501', holds: false });
    expect(byName(scaleTargets(summary(10, 15, 3, 500)), 'highest peak').holds).toBe(true);
  });
});
