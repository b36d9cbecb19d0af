import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, WIDE, fitText, layoutsFor, textWidth } from './layouts.ts';

describe('artboards', () => {
  it('draws text-column charts for phones and desktops, wide charts also at full width', () => {
    expect(layoutsFor('text')).toEqual([PHONE, DESKTOP]);
    expect(layoutsFor('wide').map((layout) => layout.width)).toEqual([320, 640, 960]);
    expect(WIDE.name).toBe('wide');
  });
});

describe('text fitting', () => {
  it('counts CJK characters as full width', () => {
    expect(textWidth('硅铁', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBe(12);
  });

  it('keeps text that fits and cuts the rest with an ellipsis inside the width', () => {
    expect(fitText('Graphite', 100, 10)).toBe('Graphite');
    const cut = fitText('Ferrosilicon containing by weight more than 55% of silicon', 120, 10);
    expect(cut).toBe('Ferrosilicon contai…');
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(120);
  });
});
