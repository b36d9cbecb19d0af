import { describe, expect, it } from 'vitest';
import { basePrefix, CACHE_CONTROL, cacheRules, formatHeaders } from './headers.ts';

describe('basePrefix', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/news/story', '/news/story/'],
    ['news/story/', '/news/story/'],
    ['//a//', '/a/'],
  ])('%j → %j', (base, prefix) => {
    expect(basePrefix(base)).toBe(prefix);
  });
});

describe('cacheRules', () => {
  const entries = [
    { name: 'index.html', folder: false },
    { name: '_astro', folder: true },
    { name: 'embed.js', folder: false },
    { name: 'story', folder: true },
    { name: 'data', folder: true },
    { name: '_headers', folder: false },
  ];

  it('keeps /_astro/ for a year and revalidates each other top-level entry, under the base path', () => {
    expect(cacheRules(entries, '/news/')).toEqual([
      { path: '/news/_astro/*', headers: { 'Cache-Control': CACHE_CONTROL.immutable } },
      { path: '/news/', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
      { path: '/news/data/*', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
      { path: '/news/embed.js', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
      { path: '/news/index.html', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
      { path: '/news/story/*', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
    ]);
  });

  it('gives no rule of its own to an entry a folder’s rule already matches', () => {
    const paths = cacheRules(
      [
        { name: 'embed', folder: true },
        { name: 'embed.js', folder: false },
        { name: 'embedded', folder: true },
      ],
      '/',
    ).map((r) => r.path);
    expect(paths).toEqual(['/_astro/*', '/', '/embed/*']);
  });

  it('refuses a folder whose rule would match the hashed files', () => {
    expect(() => cacheRules([{ name: '_a', folder: true }], '/')).toThrow(/_a/);
  });

  it('writes the hosts’ format: a path, then its headers indented', () => {
    expect(formatHeaders(cacheRules([{ name: 'a', folder: true }], '/'))).toBe(
      `/_astro/*\n  Cache-Control: ${CACHE_CONTROL.immutable}\n/\n  Cache-Control: ${CACHE_CONTROL.revalidate}\n/a/*\n  Cache-Control: ${CACHE_CONTROL.revalidate}\n`,
    );
  });
});
