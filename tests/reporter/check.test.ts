// `npm run check` on a copy of the project: the launch story is clean, figures typed by hand
// are found at their lines (and years, dates, resolution numbers and HS codes are not),
// mistakes in stories and in the data inputs are errors with file and line, and the
// copy-desk sheet has every piece of display text.
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/ingest/errors.ts';
import { runCheck } from '../../src/reporter/check.ts';
import { copyProject, dataStep, npmRun, removeCopies, replaceIn, STORY, writeStory } from './helpers.ts';

let root: string;

beforeAll(async () => {
  root = await copyProject();
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
  it('finds nothing wrong with the launch story and the shipped data', async () => {
    const result = await runCheck({ root, stories: [STORY] });
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
  });

  it('warns about every figure typed by hand, at its line, and names the fact it matches', async () => {
    const { file, errors, warnings } = await check('loose-numbers', [
      '::chart{#top-imports-2023}', // line 12
      '',
      'China imported 181.53 million yuan of ferrosilicon, :fact[ferrosilicon-2023]{as=usd}.', // 14
      'Imports rose 12% and came 3rd.', // 15
      '',
      '## Up 2.5 billion', // 17
      '',
      'Tungsten was worth about $21.6 million and 4,500 tonnes.', // 19
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.line, /^"([^"]+)"/.exec(w.message)?.[1]])).toEqual([
      [14, '181.53 million yuan'],
      [15, '12%'],
      [15, '3rd'],
      [17, '2.5 billion'],
      [19, '$21.6 million'],
      [19, '4,500 tonnes'],
    ]);
    expect(warnings[0]).toMatchObject({ file, message: expect.stringContaining('It looks like :fact[ferrosilicon-2023].') });
    expect(warnings[4]!.message).toContain('It looks like :fact[tungsten-2023]{as=usd}.');
  });

  it('does not take years, dates, resolution numbers, HS codes or words for figures', async () => {
    const { errors, warnings } = await check('not-figures', [
      '::chart{#top-imports-2023}',
      '',
      'In 2019 and again from January to October 2023, and in 2020–21, the 1990s and 2022-23.',
      'On 5 December 2023, December 4, 2023-12-04 and at 7\\:30pm (a colon before digits is escaped).',
      'UN Security Council Resolution 2397, adopted in 2017, and resolutions 2270 and 2321; paragraph 7.',
      'HS chapters 84 and 85, chapters 86 to 89, (HS 72–83), HS 7202.21 and 2613.90, partner code 109.',
      'COVID-19 closed the border; the G20 met; five minerals; the first ten months; ranked second.',
      '',
      '```',
      'Code is not prose: 181.53 million.',
      '```',
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([]);
  });

  it('checks the figures in the frontmatter text too, at their lines', async () => {
    const frontmatter = FRONTMATTER.map((line) => (line.startsWith('summary:') ? 'summary: Imports reached 506.8 million yuan in 2023' : line));
    const { warnings } = await check('frontmatter-figures', ['::chart{#top-imports-2023}'], frontmatter);
    expect(warnings.map((w) => [w.line, w.message.slice(0, 60)])).toEqual([[8, '"506.8 million yuan" in summary is typed by hand: frontmatte']]);
    expect(warnings[0]!.message).toContain(':fact[minerals-2023]');
  });

  it('reports an unknown fact or chart as an error at its line', async () => {
    const fact = await check('unknown-fact', ['::chart{#top-imports-2023}', '', 'It came :fact[tungstn-2023]{as=rank}.']);
    expect(fact.errors.map(formatProblem)).toEqual([
      `${fact.file}:14: Unknown fact "tungstn-2023" in :fact[tungstn-2023]. Did you mean "tungsten-2023" or "tungsten-2022"?`,
    ]);
    const chart = await check('unknown-chart', ['::chart{#top-imports-2032}']);
    expect(chart.errors[0]).toMatchObject({ line: 12, message: expect.stringContaining('Unknown chart "top-imports-2032"') });
  });

  it('reports a mistake in a chart block at the line it is on', async () => {
    const { file, errors } = await check('bad-block', [
      '::chart{#top-imports-2023}',
      '',
      '```chart',
      'type: bar',
      'aggregate: top-imports-2023',
      'x: prodct',
      'title: T',
      'dek: D',
      '```',
    ]);
    expect(errors.map(formatProblem)).toEqual([`${file}:17: aggregate top-imports-2023 has no field "prodct" for x. Did you mean "product"?`]);
  });

  it('refuses two stories whose chart blocks share an id, naming both files', async () => {
    const block = (title: string) => ['```chart', 'type: bar', 'aggregate: top-imports-2023', 'x: product', `title: ${title}`, 'dek: D', '```'];
    const first = await writeStory(root, 'first-block', [...FRONTMATTER, ...block('Top imports')].join('\n'));
    const second = await writeStory(root, 'second-block', [...FRONTMATTER.map((line) => line.replace('2024-01-15', '2024-02-01')), ...block('Top imports')].join('\n'));
    const { errors } = await runCheck({ root, stories: [second, first] });
    expect(errors.map(formatProblem)).toEqual([
      `${second}: chart id "top-imports" is already used by a chart block in ${first}; every chart on the site needs its own id (set "id:" in the block)`,
    ]);
    const apart = await writeStory(root, 'second-block', [...FRONTMATTER, ...block('Top imports'), ''].join('\n').replace('title: Top imports', 'id: other-top-imports\ntitle: Top imports'));
    expect((await runCheck({ root, stories: [apart, first] })).errors).toEqual([]);
  });

  it('warns about figures typed into a chart block\'s title, dek or notes, at their lines', async () => {
    const { file, warnings } = await check('block-figures', [
      '```chart',
      'type: bar',
      'aggregate: top-imports-2023',
      'x: product',
      'title: Ferrosilicon imports rose 45%',
      'dek: Ferrosilicon reached 181.53 million yuan in 2023.',
      '```',
    ]);
    expect(warnings.map(formatProblem)).toEqual([
      `${file}:16: "45%" in chart block title is typed by hand: a chart block cannot bind facts, so check it against data/build/facts.json by hand.`,
      expect.stringMatching(new RegExp(`^${file}:17: "181\\.53 million yuan" in chart block dek is typed by hand: .* It looks like :fact\\[ferrosilicon-2023\\]`)),
    ]);
  });

  it('reads a story saved with a byte-order mark (as Windows editors save) like any other', async () => {
    const file = await writeStory(root, 'with-bom', `\uFEFF${[...FRONTMATTER, '::chart{#top-imports-2023}', '', 'Words.'].join('\n')}`);
    const { errors, stories } = await runCheck({ root, stories: [file] });
    expect(errors).toEqual([]);
    expect(stories[0]!.html).not.toContain('title:');
    expect(stories[0]!.html).toContain('<p>Words.</p>');
  });

  it('reports frontmatter mistakes at the field\'s line', async () => {
    const frontmatter = FRONTMATTER.map((line) => line.replace('published: 2024-01-15', 'publishd: 2024-01-15'));
    const { file, errors } = await check('bad-frontmatter', ['::chart{#top-imports-2023}'], frontmatter);
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
        'data/raw/sources.yaml:3: entry for kp-imports-2019.csv: flow must be "import" or "export" (the file itself cannot tell which)',
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
      'Headline: North Korea\'s minerals for chips and batteries flow to China',
      'Subhead: Banned goods heading the other way',
      'Chart 1 (top-imports-2023)',
      'Title: Ferrosilicon and tungsten, month by month',
      'Note: 2020, when the border was closed for the pandemic, is not shown.',
      'Source: China General Administration of Customs (GACC).',
      'Table headings: Month | Ferrosilicon (yuan) | Tungsten ore (yuan)',
      'On the chart: Monthly imports (yuan) | Ferrosilicon | Tungsten ore',
    ]) expect(clean.stdout).toContain(text);
    const file = await writeStory(root, 'broken', [...FRONTMATTER, '::chart{#top-imports-2023}', '', ':fact[tungstn-2023]'].join('\n'));
    const broken = await npmRun(root, 'check', [file, '--no-sheet']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain(`error: ${file}:14: Unknown fact "tungstn-2023"`);
    expect(broken.stderr).toContain('check: 1 story, 1 error, 0 warnings');
  });
});
