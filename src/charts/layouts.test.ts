import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, WIDE, fitText, layoutsFor, textWidth, wrapText } from './layouts.ts';

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

describe('text wrapping', () => {
  it('breaks between words into lines that fit, keeping every word', () => {
    const text = 'The border closed in January 2020 and trade all but stopped';
    const lines = wrapText(text, 120, 10);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(120);
  });

  it('keeps text that fits on one line, and breaks a word too wide for any line between its characters', () => {
    expect(wrapText('Short  note', 120, 10)).toEqual(['Short note']);
    expect(wrapText('국경폐쇄로무역이멈췄다', 50, 10)).toEqual(['국경폐쇄로', '무역이멈췄', '다']);
  });
});
