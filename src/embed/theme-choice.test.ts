import { describe, expect, it } from 'vitest';
import { snippetWithTheme, themedUrl } from './theme-choice.ts';

describe('the theme an embed code asks for', () => {
  it('adds, replaces and removes the theme parameter', () => {
    expect(themedUrl('https://news.example/embed/a/', 'dark')).toBe('https://news.example/embed/a/?theme=dark');
    expect(themedUrl('/embed/a/?theme=dark', 'light')).toBe('/embed/a/?theme=light');
    expect(themedUrl('/embed/a/?theme=dark', 'auto')).toBe('/embed/a/');
    expect(themedUrl('/embed/a/?x=1&theme=dark', 'auto')).toBe('/embed/a/?x=1');
  });

  it('changes only the iframe address of a snippet, keeping it escaped', () => {
    const snippet =
      '<div><iframe src="https://n.example/embed/a/?x=1&amp;y=2" title="A"></iframe></div><script src="https://n.example/embed.js" async></script>';
    const dark = snippetWithTheme(snippet, 'dark');
    expect(dark).toBe(snippet.replace('y=2"', 'y=2&amp;theme=dark"'));
    expect(snippetWithTheme(dark, 'auto')).toBe(snippet);
  });
});
