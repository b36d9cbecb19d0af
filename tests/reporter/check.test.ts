// `npm run check` on a copy of the project holding the newsroom fixture: its stories are
// clean, figures typed by hand are found at their lines (and years, dates, resolution numbers
// and HS codes are not), mistakes in stories and in the data inputs are errors with file and
// line, and the copy-desk sheet has every piece of display text.
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/ingest/errors.ts';
import { runCheck } from '../../src/reporter/check.ts';
import { copyProject, dataStep, npmRun, removeCopies, replaceIn, writeStory } from './helpers.ts';

const STORY = 'content/stories/soybeans.md';
const PUBLISHED = [STORY, 'content/stories/soybeans-ko.md', 'content/stories/wigs.md'];
const DRAFT = 'content/stories/half-written.md';

let root: string;

beforeAll(async () => {
  root = await copyProject('newsroom');
  await dataStep(root);
}, 60_000);
afterAll(removeCopies);

const FRONTMATTER = [
  '---',
  'title: Test story',
  'dek: A dek',
  'bylines:',
  '  - name: Data desk',
  'published: 2024-01-15',
  'lang: en',
  'summary: A summary',
  'shareImageAlt: A chart',
  '---',
  '',
];

async function check(name: string, body: string[], frontmatter = FRONTMATTER) {
  const file = await writeStory(root, name, [...frontmatter, ...body].join('\n'));
  const result = await runCheck({ root, stories: [file] });
  return { file, ...result };
}

describe('npm run check', () => {
  it("finds nothing wrong with the fixture's published stories and data", async () => {
    const result = await runCheck({ root, stories: PUBLISHED });
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
  });

  it('says a draft is left out of the build, and nothing else', async () => {
    const result = await runCheck({ root, stories: [DRAFT] });
    expect(result.errors.map(formatProblem)).toEqual([]);
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toHaveLength(2);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^draft: true: `npm run build` leaves this story out/), 'placeholder text (TODO) is still in the story']),
    );
  });

  it('warns about every figure typed by hand, at its line, and names the fact it matches', async () => {
    const { file, errors, warnings } = await check('loose-numbers', [
      '::chart{#soy-partners}', // line 12
      '',
      'China bought 14.56 billion yuan of soybeans from Brazil, :fact[soy-2024]{as=usd} in all.', // 14
      'Imports rose 12% and Argentina came 4th.', // 15
      '',
      '## Up 2.5 billion', // 17
      '',
      'Partners selling in yuan sold it about $3.4 billion of soybeans and 4,500 tonnes.', // 19
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.line, /^"([^"]+)"/.exec(w.message)?.[1]])).toEqual([
      [14, '14.56 billion yuan'],
      [15, '12%'],
      [15, '4th'],
      [17, '2.5 billion'],
      [19, '$3.4 billion'],
      [19, '4,500 tonnes'],
    ]);
    expect(warnings[0]).toMatchObject({ file, message: expect.stringContaining('It looks like :fact[top-supplier-2024].') });
    expect(warnings[4]!.message).toContain('It looks like :fact[soy-2024]{as=usd}.');
  });

  it('does not take years, dates, resolution numbers, HS codes or words for figures', async () => {
    const { errors, warnings } = await check('not-figures', [
      '::chart{#soy-partners}',
      '',
      'In 2019 and again from January to December 2024, and in 2020–21, the 1990s and 2022-23.',
      'On 5 December 2024, December 4, 2024-12-04 and at 7\\:30pm (a colon before digits is escaped).',
      'UN Security Council Resolution 2397, adopted in 2017, and resolutions 2270 and 2321; paragraph 7.',
      'HS chapters 12 and 15, chapters 86 to 89, (HS 12–15), HS 1201.90 and 1201.10, partner code 410.',
      'COVID-19 closed ports; the G20 met; five partners; the first ten months; ranked second.',
      '',
      '```',
      'Code is not prose: 14.56 billion.',
      '```',
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([]);
  });

  it('checks the figures in the frontmatter text too, at their lines', async () => {
    const frontmatter = FRONTMATTER.map((line) => (line.startsWith('summary:') ? 'summary: Imports reached 24.46 billion yuan in 2024' : line));
    const { warnings } = await check('frontmatter-figures', ['::chart{#soy-partners}'], frontmatter);
    expect(warnings.map((w) => [w.line, w.message.slice(0, 48)])).toEqual([[8, '"24.46 billion yuan" in summary is typed by hand']]);
    expect(warnings[0]!.message).toContain(':fact[soy-2024]');
  });

  it('reports an unknown fact or chart as an error at its line', async () => {
    const fact = await check('unknown-fact', ['::chart{#soy-partners}', '', 'It came to :fact[soy-2042].']);
    expect(fact.errors.map(formatProblem)).toEqual([`${fact.file}:14: Unknown fact "soy-2042" in :fact[soy-2042]. Did you mean "soy-2023" or "soy-2024"?`]);
    const chart = await check('unknown-chart', ['::chart{#soy-partner}']);
    expect(chart.errors[0]).toMatchObject({ line: 12, message: expect.stringContaining('Unknown chart "soy-partner"') });
  });

  it('reports a mistake in a chart block at the line it is on', async () => {
    const { file, errors } = await check('bad-block', [
      '::chart{#soy-partners}',
      '',
      '```chart',
      'type: bar',
      'aggregate: soy-partners-2024',
      'x: partnr',
      'title: T',
      'dek: D',
      '```',
    ]);
    expect(errors.map(formatProblem)).toEqual([`${file}:17: aggregate soy-partners-2024 has no field "partnr" for x. Did you mean "partner"?`]);
  });

  it('refuses two stories whose chart blocks share an id, naming both files', async () => {
    const block = (title: string) => ['```chart', 'type: bar', 'aggregate: soy-partners-2024', 'x: partner', `title: ${title}`, 'dek: D', '```'];
    const first = await writeStory(root, 'first-block', [...FRONTMATTER, ...block('Top suppliers')].join('\n'));
    const second = await writeStory(
      root,
      'second-block',
      [...FRONTMATTER.map((line) => line.replace('2024-01-15', '2024-02-01')), ...block('Top suppliers')].join('\n'),
    );
    const { errors } = await runCheck({ root, stories: [second, first] });
    expect(errors.map(formatProblem)).toEqual([
      `${second}: chart id "top-suppliers" is already used by a chart block in ${first}; every chart on the site needs its own id (set "id:" in the block)`,
    ]);
    const apart = await writeStory(
      root,
      'second-block',
      [...FRONTMATTER, ...block('Top suppliers'), ''].join('\n').replace('title: Top suppliers', 'id: other-top-suppliers\ntitle: Top suppliers'),
    );
    expect((await runCheck({ root, stories: [apart, first] })).errors).toEqual([]);
  });

  it('lets the editions of one story share a block id, each in its language', async () => {
    const { errors } = await runCheck({ root, stories: [STORY, 'content/stories/soybeans-ko.md'] });
    expect(errors).toEqual([]);
  });

  it("warns about figures typed into a chart block's title, dek or notes, at their lines", async () => {
    const { file, warnings } = await check('block-figures', [
      '```chart',
      'type: bar',
      'aggregate: soy-partners-2024',
      'x: partner',
      'title: Soybean imports rose 6%',
      'dek: Brazil sold 14.56 billion yuan in 2024.',
      '```',
    ]);
    expect(warnings.map(formatProblem)).toEqual([
      `${file}:16: "6%" in chart block title is typed by hand: a chart block cannot bind facts, so check it against data/build/facts.json by hand.`,
      expect.stringMatching(
        new RegExp(`^${file}:17: "14\\.56 billion yuan" in chart block dek is typed by hand: .* It looks like :fact\\[top-supplier-2024\\]`),
      ),
    ]);
  });

  it('reads a story saved with a byte-order mark (as Windows editors save) like any other', async () => {
    const file = await writeStory(root, 'with-bom', `\uFEFF${[...FRONTMATTER, '::chart{#soy-partners}', '', 'Words.'].join('\n')}`);
    const { errors, stories } = await runCheck({ root, stories: [file] });
    expect(errors).toEqual([]);
    expect(stories[0]!.html).not.toContain('title:');
    expect(stories[0]!.html).toContain('<p>Words.</p>');
  });

  it("reports frontmatter mistakes at the field's line", async () => {
    const frontmatter = FRONTMATTER.map((line) => line.replace('published: 2024-01-15', 'publishd: 2024-01-15'));
    const { file, errors } = await check('bad-frontmatter', ['::chart{#soy-partners}'], frontmatter);
    expect(errors.map(formatProblem)).toEqual([
      `${file}:1: published: is required: the date of first publication, written YYYY-MM-DD such as 2023-12-04`,
      expect.stringMatching(new RegExp(`^${file}:6: publishd: unknown field\\. Did you mean "published"\\?`)),
    ]);
  });

  it('reports a story the share image cannot be drawn for', async () => {
    const { errors } = await check('no-chart', ['Words only.']);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('the share image cannot be drawn: the story places no chart')]);
  });

  it('checks the manifest and reference tables as the data step reads them, without building', async () => {
    const sources = join(root, 'data/raw/sources.yaml');
    const before = await readFile(sources, 'utf8');
    try {
      await replaceIn(root, 'data/raw/sources.yaml', '  flow: import\n', '  flow: imports\n');
      const { errors } = await runCheck({ root, stories: [STORY] });
      expect(errors.map(formatProblem)).toEqual([
        'data/raw/sources.yaml:4: entry for soy-imports-2023.csv: flow must be "import" or "export" (the file itself cannot tell which)',
      ]);
    } finally {
      await writeFile(sources, before);
      // As it was: not newer than data/build, so no later test sees stale data.
      await utimes(sources, new Date(0), new Date(0));
    }
  });

  it('warns when data/build is older than an input', async () => {
    const file = join(root, 'data/aggregates.yaml');
    const future = new Date(Date.now() + 60_000);
    await utimes(file, future, future);
    const { warnings } = await runCheck({ root, stories: [STORY] });
    expect(warnings.map(formatProblem)).toEqual([expect.stringMatching(/^data\/build: is older than data\/aggregates\.yaml/)]);
    await utimes(file, new Date(0), new Date(0));
  });

  it('as a command exits 1 on errors and prints the copy-desk sheet', async () => {
    const clean = await npmRun(root, 'check', [STORY]);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toContain('check: 1 story, 0 errors, 0 warnings');
    for (const text of [
      "Headline: Brazil supplies 54.8% of China's soybeans",
      'Subhead: Month by month',
      'Chart 1 (soy-stacked)',
      'Title: Soybeans month by month',
      'Note: Amounts restated at 7.2',
      'Source: China General Administration of Customs (GACC).',
      'Table headings: Partner | GM soybeans (yuan) | Non-GM soybeans (yuan)',
      'On the chart: Imports (yuan) | Harvest arrives',
    ])
      expect(clean.stdout).toContain(text);
    const file = await writeStory(root, 'broken', [...FRONTMATTER, '::chart{#soy-partners}', '', ':fact[soy-2042]'].join('\n'));
    const broken = await npmRun(root, 'check', [file, '--no-sheet']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain(`error: ${file}:14: Unknown fact "soy-2042"`);
    expect(broken.stderr).toContain('check: 1 story, 1 error, 0 warnings');
  });
});
