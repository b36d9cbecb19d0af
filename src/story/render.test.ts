import { describe, expect, it } from 'vitest';
import { chartTitleLevels, placedChartIds } from './render.ts';

const story = [
  'Intro paragraph.',
  '',
  '::chart{#lead-chart width=wide}',
  '',
  '## Minerals',
  '',
  '::chart{#minerals}',
  '',
  '### Tungsten',
  '  ::chart{ width=narrow #tungsten}',
  '',
  '##### Deep',
  '::chart{#deep}',
  '',
  'Text that mentions ::chart{#not-a-placement} mid-line.',
].join('\n');

describe('placedChartIds', () => {
  it('lists the charts placed on their own lines, in order', () => {
    expect(placedChartIds(story)).toEqual(['lead-chart', 'minerals', 'tungsten', 'deep']);
  });
});

describe('chartTitleLevels', () => {
  it('puts each chart title one level below the heading before it, so no level is skipped', () => {
    // Before any heading the page's h1 (the headline) is the section; h6 is the floor.
    expect(chartTitleLevels(story)).toEqual([2, 3, 4, 6]);
  });

  it('gives one level per placed chart', () => {
    expect(chartTitleLevels(story)).toHaveLength(placedChartIds(story).length);
  });
});
