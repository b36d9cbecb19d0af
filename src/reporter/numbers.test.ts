import { describe, expect, it } from 'vitest';
import { bodyOf } from '../story/render.ts';
import { findFigures, findLooseNumbers } from './numbers.ts';

const figures = (text: string) => findFigures(text).map((figure) => figure.text);

describe('findFigures', () => {
  it.each([
    ['181.53 million yuan of ferrosilicon', ['181.53 million yuan']],
    ['about $25.8 million', ['$25.8 million']],
    ['US$3bn and ¥12m', ['US$3bn', '¥12m']],
    ['up 2.0% or 4 per cent', ['2.0%', '4 per cent']],
    ['1,234 tonnes from 12 firms', ['1,234 tonnes', '12']],
    ['it ranked 3rd, then 21st', ['3rd', '21st']],
    ['two million yuan, a few billion', ['two million', 'a few billion']],
    ['2000 tonnes, not a year', ['2000 tonnes']],
    ['$2019 is money', ['$2019']],
    ['Resolution 2397 and 12 million yuan', ['12 million yuan']],
    ['수입은 1억8153만 위안', ['1억8153만 위안']],
  ])('finds the figures in "%s"', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it.each([
    ['years', 'in 2019, 2021 and 2023, in 2020–21 and 2019-2023, and 2021/22'],
    ['decades and centuries', 'the 1990s, the 50s, the 21st century'],
    ['dates', 'on 5 December 2023, December 4, Dec. 4th, 4 of June, 2023-12-04 and 2023-10'],
    ['times', 'at 7:30, 10 am and 3.30 p.m.'],
    ['resolution numbers', 'UN Security Council Resolution 2397, resolutions 2270, 2321 and 2397, UNSCR 2371'],
    ['paragraphs and articles', 'paragraph 7, paras 8 and 9, article 5, section 3.2, annex 1'],
    ['HS chapters and codes', 'HS chapters 84 and 85, chapters 86 to 89, (HS 72–83), HS 7202.21, HS 2504 and 3801.10, HS codes 2611, 2613.90'],
    ['bare HS codes', 'ferrosilicon (7202.21) and molybdenum (2613.90.00)'],
    ['codes and page numbers', 'partner code 109, page 12, table 3, step 2'],
    ['names with digits', 'COVID-19, the G20, F-35s, 3D printers and 5G'],
    ['numbers in words', 'five minerals, the first ten months, ranked second, the three groups'],
    ['Korean dates and numbers', '2023년 10월 5일, 결의 2397호'],
    ['Korean month ranges', '2023년 1~10월, 1-10월, 1 ~ 10월'],
    ['resolutions cited with their years', 'resolutions 2270 (2016), 2321 (2016), 2371 (2017), and 2375 (2017)'],
  ])('leaves %s alone', (_what, text) => {
    expect(figures(text)).toEqual([]);
  });

  it('reads the value of a figure with its scale, for matching it to a fact', () => {
    expect(findFigures('181.53 million, $25.8m, 1,234 and 3rd and 12%').map((f) => f.value)).toEqual([181_530_000, 25_800_000, 1234, undefined, undefined]);
  });
});

describe('findLooseNumbers', () => {
  const story = [
    '---', // 1
    'title: A title with 2023', // 2
    '---', // 3
    '', // 4
    'It came :fact[ferrosilicon-2023]{as=rank}, at 181.5 million yuan.', // 5
    '', // 6
    '::chart{#top-imports-2023 width=wide}', // 7
    '', // 8
    'A paragraph over two lines,', // 9
    'the second with 42 tonnes and [a link to 7 things](https://example.org/2024/100).', // 10
    '', // 11
    '```chart', // 12
    'top: 10', // 13
    '```', // 14
    '', // 15
    'Inline `code 99` is skipped; <!-- HTML 77 --> too.', // 16
  ].join('\n');

  it('finds figures in the prose at their file lines, not in facts, charts, code or URLs', () => {
    expect(findLooseNumbers(bodyOf(story)).map(({ text, line, column }) => [text, line, column])).toEqual([
      ['181.5 million yuan', 5, 47],
      ['42 tonnes', 10, 17],
      ['7', 10, 42],
    ]);
  });
});
