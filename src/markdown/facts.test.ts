import type { FactsFile } from '../contract/index.ts';
import { describe, expect, it } from 'vitest';
import type { PluggableList } from 'unified';
import type { Lang } from '../format/index.ts';
import { machineryExports, sampleFacts, tungsten } from '../format/fixtures.ts';
import { remarkFacts } from './facts.ts';
import { failureOf, renderWith } from './testing.ts';

const withFacts = (lang: Lang, facts: FactsFile = sampleFacts): PluggableList => [[remarkFacts, { facts, lang }]];

const FERRO_TITLE = 'Imports of ferrosilicon (HS 7202.21) from North Korea, January–October 2023';
const PBOC = 'People&#x27;s Bank of China, annual average of the yuan&#x27;s central parity rate against the US dollar';

describe('remarkFacts', () => {
  it('replaces :fact[key] with a <data> element holding the English figure', () => {
    expect(renderWith(withFacts('en'), 'Ferrosilicon earned :fact[ferrosilicon-2023].')).toBe(
      '<p>Ferrosilicon earned <data class="fact fact--sample" value="181530000" data-fact="ferrosilicon-2023" ' +
        `title="${FERRO_TITLE}">181.53 million yuan</data>.</p>`,
    );
  });

  it('marks only synthetic facts as samples', () => {
    expect(renderWith(withFacts('en'), ':fact[tungsten-2023]')).toBe(
      '<p><data class="fact" value="151920000" data-fact="tungsten-2023" ' +
        'title="Imports of tungsten ores and concentrates (HS 2611) from North Korea, January–October 2023">' +
        '151.92 million yuan</data></p>',
    );
  });

  it('writes Korean figures and periods on Korean pages', () => {
    expect(renderWith(withFacts('ko'), '페로실리콘 :fact[ferrosilicon-2023]')).toBe(
      '<p>페로실리콘 <data class="fact fact--sample" value="181530000" data-fact="ferrosilicon-2023" ' +
        'title="Imports of ferrosilicon (HS 7202.21) from North Korea, 2023년 1~10월">1억8153만 위안</data></p>',
    );
  });

  it('converts to dollars at the declared rate and names the rate in the text and the title', () => {
    expect(renderWith(withFacts('en'), ':fact[ferrosilicon-2023]{as=usd}')).toBe(
      `<p><span class="fact-converted"><data class="fact fact--sample" value="${181_530_000 / 7.0467}" data-fact="ferrosilicon-2023" ` +
        `title="${FERRO_TITLE}: 181.53 million yuan, at 7.0467 yuan per dollar, the 2023 rate (${PBOC})">` +
        `$25.8 million</data><span class="fact__rate"> at 7.0467 yuan per dollar, the 2023 rate (${PBOC.replaceAll('&#x27;', "'")})</span></span></p>`,
    );
  });

  it('honours as=rank, as=short, precision and counter', () => {
    const text = (lang: Lang, markdown: string) => renderWith(withFacts(lang), markdown).replace(/<[^>]+>/g, '');
    expect(text('en', ':fact[ferrosilicon-2023]{as=rank}')).toBe('second');
    expect(text('ko', ':fact[ferrosilicon-2023]{as=rank}')).toBe('2위');
    expect(text('en', ':fact[ferrosilicon-2023]{as=short}')).toBe('181.5M');
    expect(text('en', ':fact[ferrosilicon-2023]{precision=1}')).toBe('181.5 million yuan');
    expect(text('ko', ':fact[ferrosilicon-2023]{as=usd precision=1}')).toMatch(/^2576만1000 달러 달러당 7\.0467위안/);
    expect(text('en', ':fact[minerals-in-top-ten-2023] of the top ten')).toBe('five of the top ten');
    expect(text('ko', ':fact[minerals-in-top-ten-2023]{counter=종}')).toBe('5종');
    expect(renderWith(withFacts('en'), ':fact[ferrosilicon-2023]{as=rank}')).toContain('value="2"');
  });

  it('stops at an unknown key with its line and column and the closest keys', () => {
    expect(failureOf(withFacts('en'), 'Intro.\n\nIt earned :fact[ferosilicon-2023] in all.')).toMatchObject({
      printed: 'story.md:3:11-3:34: Unknown fact "ferosilicon-2023" in :fact[ferosilicon-2023]. Did you mean "ferrosilicon-2023"?',
      ruleId: 'unknown-fact',
      line: 3,
      column: 11,
    });
  });

  it('suggests at most three keys, and says so when none is close', () => {
    const years = Object.fromEntries(['2019', '2021', '2022', '2023'].map((year) => [`tungsten-${year}`, { ...tungsten, key: `tungsten-${year}` }]));
    expect(failureOf(withFacts('en', years), ':fact[tungsten-202]').printed).toBe(
      'story.md:1:1-1:20: Unknown fact "tungsten-202" in :fact[tungsten-202]. ' + 'Did you mean "tungsten-2021", "tungsten-2022" or "tungsten-2023"?',
    );
    expect(failureOf(withFacts('en'), ':fact[constructor]').ruleId).toBe('unknown-fact');
    expect(failureOf(withFacts('en'), ':fact[graphite]').printed).toBe(
      'story.md:1:1-1:16: Unknown fact "graphite" in :fact[graphite]. No known fact key is close (4 facts loaded).',
    );
  });

  it('stops when a fact cannot be given in the style asked for', () => {
    expect(failureOf(withFacts('en'), ':fact[machinery-exports-2023]{as=usd}')).toMatchObject({
      printed:
        'story.md:1:1-1:38: Cannot format :fact[machinery-exports-2023]: Fact "machinery-exports-2023" has no ' +
        'declared USD conversion (its "usd" field is missing); dollar figures are only shown at a declared rate',
      ruleId: 'fact-format',
    });
    expect(failureOf(withFacts('en'), ':fact[machinery-exports-2023]{as=rank}').printed).toContain(
      'Cannot format :fact[machinery-exports-2023]: Fact "machinery-exports-2023" has no rank',
    );
    expect(machineryExports.usd).toBeUndefined();
  });

  it('stops at unknown styles, bad precision, unknown attributes and missing keys', () => {
    expect(failureOf(withFacts('en'), ':fact[tungsten-2023]{as=usdd}').printed).toBe(
      'story.md:1:1-1:30: Unknown style as="usdd" on :fact. Did you mean "usd"? ' + 'Styles: "value", "usd", "rank", "short", "label" and "times".',
    );
    expect(failureOf(withFacts('en'), ':fact[tungsten-2023]{precision=two}').printed).toBe(
      'story.md:1:1-1:36: precision="two" on :fact must be a whole number from 0 to 10',
    );
    expect(failureOf(withFacts('en'), ':fact[tungsten-2023]{.big}').printed).toBe(
      'story.md:1:1-1:27: Unknown attribute "class" on :fact. Allowed: "as", "precision" and "counter".',
    );
    expect(failureOf(withFacts('en'), 'A :fact here').printed).toBe('story.md:1:3-1:8: :fact needs a plain fact key, as in :fact[imports-2024]');
  });

  it('stops when fact is used as a block directive', () => {
    expect(failureOf(withFacts('en'), '::fact[tungsten-2023]').printed).toBe('story.md:1:1-1:22: ::fact must be written as :fact[key] inside a sentence');
  });
});
