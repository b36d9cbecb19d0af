import { describe, expect, it } from 'vitest';
import { boldSelectors, pageText } from './page-text.ts';

const sorted = (set: Set<string>) => [...set].sort().join('');

describe('boldSelectors', () => {
  it('finds rules that set a bold weight, in media queries too, without pseudo-classes', () => {
    const css = `.a { font-weight: 700 } .b, .c:hover { font-weight: bold } .d { font: 600 1rem/1 serif }
      @media (min-width: 40rem) { .e::before { font-weight: 800 } } .n { font-weight: 400 } .m { font: 1rem serif }`;
    expect(boldSelectors(css)).toEqual(['.a', '.b', '.c', '.d', '.e']);
  });
});

describe('pageText', () => {
  const html = `<!doctype html><html lang="ko"><head><title>제목</title><style>.x{}</style></head><body>
    <h1>가나</h1><p>다 <span class="hi">라</span> <strong>마</strong></p>
    <svg><text>바</text><rect data-label="사" data-text="아"></rect></svg>
    <abbr title="자">차</abbr><img alt="카"><script>const s = "타";</script><style>.y{content:"파"}</style>
    <template><p>하</p></template></body></html>`;

  it('collects every character the body can show, and none from head, scripts or styles', () => {
    const text = pageText(html, '');
    expect(sorted(text.all)).toBe(sorted(new Set('가나다라마바사아자차카하')));
  });

  it('collects bold text from bold elements, bold CSS rules and the attributes tooltips show', () => {
    expect(sorted(pageText(html, '').bold)).toBe(sorted(new Set('가나마사아자카')));
    expect(sorted(pageText(html, 'p .hi { font-weight: 700 }').bold)).toBe(sorted(new Set('가나라마사아자카')));
  });
});
