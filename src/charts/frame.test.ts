import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Aggregate } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';
import { embedCodeHtml, renderChartFigure, type FrameOptions } from './frame.ts';
import { testChart, yaml } from './fixtures.ts';

const TOP = yaml(
  'type: bar',
  'aggregate: ranked-products',
  'x: product',
  'top: 10',
  'highlight: { product_group: minerals }',
  'highlight_label: mineral',
  'legend: Mineral',
  'columns: [product, rank, highlight, value]',
  'title: What is bought most',
  'dek: The ten largest products by value.',
  'notes: A note.',
);

/** The figure's HTML, as a document to query. */
function figureOf(text: string, options: Partial<FrameOptions> = {}, lang: Lang = 'en', change?: (aggregate: Aggregate) => void) {
  const { spec, aggregate } = testChart(text, lang);
  change?.(aggregate);
  const html = renderChartFigure(spec, aggregate, { csvHref: `data/${spec.id}.csv`, ...options });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { html, figure: document.querySelector('figure')!, document };
}

const text = (element: Element | null) => element?.textContent?.trim() ?? '';

describe('the chart frame', () => {
  const { html, figure } = figureOf(TOP);

  it('frames the chart with its words, source, credit and data link, in its language', () => {
    expect(figure.getAttribute('class')).toBe('chart chart--text chart--bar');
    expect(figure.id).toBe('chart-what-is-bought-most');
    expect(figure.getAttribute('lang')).toBe('en');
    expect(text(figure.querySelector('h3.chart__title'))).toBe('What is bought most');
    expect(text(figure.querySelector('.chart__dek'))).toBe('The ten largest products by value.');
    expect(text(figure.querySelector('.chart__notes'))).toBe('Note: A note.');
    expect(text(figure.querySelector('.chart__source'))).toBe(
      'Source: China General Administration of Customs (GACC). Sample data generated for this project, not GACC figures.',
    );
    expect(text(figure.querySelector('.chart__credit'))).toBe('Chart: Data desk');
    expect(figure.querySelector('.chart__download a')!.getAttribute('href')).toBe('data/what-is-bought-most.csv');
    expect(text(figure.querySelector('.chart__data summary'))).toBe('Show the data as a table');
    expect(text(figure.querySelector('.chart__files'))).toBe('Compiled from: imports-2023.csv');
  });

  it('draws every artboard of its width, each with its shape reserved', () => {
    expect(figure.querySelectorAll('svg')).toHaveLength(2);
    expect(html).toMatch(/<div class="chart__artboard chart__artboard--phone" style="aspect-ratio: 320 \/ \d+"><svg /);
    expect(html).toMatch(/<div class="chart__artboard chart__artboard--desktop" style="aspect-ratio: 640 \/ \d+"><svg /);
    const wide = figureOf(`${TOP}\nwidth: wide`);
    expect(wide.figure.getAttribute('class')).toBe('chart chart--wide chart--bar');
    expect(wide.figure.querySelectorAll('svg')).toHaveLength(3);
    expect(wide.html).toContain('chart__artboard--wide" style="aspect-ratio: 960 /');
  });

  it('titles the chart at the level the page asks for', () => {
    expect(figureOf(TOP, { titleLevel: 1 }).figure.querySelector('h1.chart__title')).not.toBeNull();
  });

  it('tabulates the rows it draws: names as row headers, numbers right-aligned in full with the number to sort by', () => {
    const rows = [...figure.querySelectorAll('.chart__table tbody tr')];
    expect(rows).toHaveLength(10);
    expect([...rows[1]!.children].map(text)).toEqual(['Ferrosilicon', '2', 'Yes', '181,530,000']);
    expect(rows[1]!.firstElementChild!.outerHTML).toBe('<th scope="row">Ferrosilicon</th>');
    expect(rows[1]!.lastElementChild!.outerHTML).toBe('<td class="chart__num" data-value="181530000">181,530,000</td>');
    expect([...figure.querySelectorAll('.chart__table thead th')].map((th) => [text(th), th.classList.contains('chart__num')])).toEqual([
      ['Product', false],
      ['Rank', true],
      ['Mineral', false],
      ['Imports (yuan)', true],
    ]);
    expect(text(figure.querySelector('.chart__table caption'))).toBe('What is bought most');
    expect(figure.querySelector('.chart__table')!.hasAttribute('data-sortable')).toBe(true);
  });

  it('describes the chart for screen readers', () => {
    expect(text(figure.querySelector('.chart__description.visually-hidden'))).toMatch(
      /^Wigs and false eyelashes, 1\.08 billion yuan; Ferrosilicon, 181\.53 million yuan;.*Mineral: Ferrosilicon, /,
    );
  });

  it('shows the sample-data badge only for sample data', () => {
    expect(text(figure.querySelector('.chart__badge'))).toBe('Sample data');
    const real = figureOf(TOP, {}, 'en', (aggregate) => {
      aggregate.synthetic = false;
    });
    expect(real.figure.querySelector('.chart__badge')).toBeNull();
    expect(text(real.figure.querySelector('.chart__source'))).toBe('Source: China General Administration of Customs (GACC).');
  });

  it('offers the embed code only when given one', () => {
    expect(figure.querySelector('.chart__embed')).toBeNull();
    const embedded = figureOf(TOP, { embedCode: '<iframe src="x"></iframe>' });
    expect(text(embedded.figure.querySelector('.chart__embed summary'))).toBe('Embed this chart');
    expect(embedded.html).toContain('readonly rows="4" spellcheck="false">&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;</textarea>');
    expect(embedCodeHtml('x', '<b>', 'ko')).toContain('이 코드를 페이지에 붙여 넣으세요:');
  });

  it('names the rates when the amounts were restated', () => {
    const converted = figureOf(TOP, {}, 'en', (aggregate) => {
      aggregate.conversion = { to: 'CNY', rates: [{ period: '2023', rate: 7.0467, source: 'PBOC' }] };
    });
    expect([...converted.figure.querySelectorAll('.chart__notes')].map(text)).toEqual(['Note: A note.', 'Amounts restated at 7.0467 (2023; PBOC).']);
  });

  it.each(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'])('escapes markup in the data everywhere: %s', (label) => {
    const escaped = figureOf(TOP, {}, 'en', (aggregate) => {
      aggregate.names!.product!.ferrosilicon!.en = label;
    });
    expect(escaped.document.querySelector('script')).toBeNull();
    expect(escaped.document.querySelector('img')).toBeNull();
    expect(text(escaped.figure.querySelectorAll('.chart__table tbody th')[1]!)).toBe(label);
    expect(escaped.figure.querySelector(`rect[data-label="${label.replaceAll('"', '\\"')}"]`)).not.toBeNull();
    expect([...escaped.figure.querySelectorAll('svg text')].map(text)).toContain(`${label} (mineral)`);
    expect(text(escaped.figure.querySelector('.chart__description'))).toContain(`${label}, 181.53 million yuan`);
  });

  it('escapes the CSV link', () => {
    expect(figureOf(TOP, { csvHref: 'a.csv?x="><script>' }).html).toContain('href="a.csv?x=&quot;&gt;&lt;script&gt;"');
  });

  it('writes its own words in Korean for a Korean chart', () => {
    const korean = figureOf(
      yaml('type: column', 'aggregate: ranked-products', 'x: product', 'top: 3', 'title: 상위 품목', 'dek: 설명', 'notes: 참고 사항', 'id: k'),
      {},
      'ko',
    ).figure;
    expect(korean.getAttribute('lang')).toBe('ko');
    expect(text(korean.querySelector('.chart__notes'))).toBe('참고: 참고 사항');
    expect(text(korean.querySelector('.chart__source'))).toMatch(/^출처: 중국 해관총서\(GACC\)\. 이 프로젝트를 위해/);
    expect(text(korean.querySelector('.chart__credit'))).toBe('그래픽: 데이터팀');
    expect(text(korean.querySelector('.chart__download'))).toBe('데이터 내려받기(CSV)');
    expect(text(korean.querySelector('.chart__data summary'))).toBe('데이터를 표로 보기');
    expect(text(korean.querySelector('.chart__badge'))).toBe('샘플 데이터');
    expect([...korean.querySelectorAll('.chart__table tbody th')].map(text)).toEqual(['가발', '규소철', '텅스텐광']);
    expect(text(korean.querySelector('.chart__description'))).toMatch(/^가발 10억8041만 위안;/);
  });
});

describe('a table chart', () => {
  const TABLE = yaml(
    'type: table',
    'aggregate: ranked-products',
    'x: product',
    'top: 3',
    'columns: [rank, product, value, share]',
    'title: The table',
    'dek: D',
  );
  const { figure } = figureOf(TABLE);

  it('is its table: no artboards, no second table behind a button', () => {
    expect(figure.getAttribute('class')).toBe('chart chart--text chart--table');
    expect(figure.querySelector('svg')).toBeNull();
    expect(figure.querySelector('.chart__data')).toBeNull();
    expect(figure.querySelectorAll('table.chart__table[data-sortable]')).toHaveLength(1);
    expect(text(figure.querySelector('.chart__files'))).toBe('Compiled from: imports-2023.csv');
  });

  it('right-aligns its numbers in house format, a rank in the row header too', () => {
    const [first] = figure.querySelectorAll('.chart__table tbody tr');
    expect([...first!.children].map((cell) => cell.outerHTML)).toEqual([
      '<th scope="row" class="chart__num" data-value="1">1</th>',
      '<td>Wigs and false eyelashes</td>',
      '<td class="chart__num" data-value="1080412000">1,080,412,000</td>',
      expect.stringMatching(/^<td class="chart__num" data-value="0\.61\d*">61%<\/td>$/),
    ]);
  });
});
