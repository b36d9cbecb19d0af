// sources.yaml says what a download cannot: imports or exports, the period of a totals file,
// and where it came from. Every mistake in it names its line.
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest.ts';

const SOURCE = 'source: "GACC online query platform, downloaded 2023-11-20"';

describe('parseManifest', () => {
  it('reads an entry with a period as month indexes', () => {
    const { entries, problems } = parseManifest(`- file: kp-imports-2023.csv\n  flow: import\n  period: 2023-01..2023-10\n  ${SOURCE}\n  synthetic: false\n`);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        file: 'kp-imports-2023.csv',
        flow: 'import',
        period: { start: 2023 * 12, end: 2023 * 12 + 9 },
        source: 'GACC online query platform, downloaded 2023-11-20',
        synthetic: false,
        line: 1,
      },
    ]);
  });

  it('reads a source given per language, keeping the English as the source line', () => {
    const { entries, problems } = parseManifest(
      '- file: a.csv\n  flow: import\n  source:\n    en: Downloaded by the desk\n    ko: 데이터팀이 내려받음\n  synthetic: false\n',
    );
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({ source: 'Downloaded by the desk', source_names: { en: 'Downloaded by the desk', ko: '데이터팀이 내려받음' } });
  });

  it('refuses a source in a language the site does not know, or empty', () => {
    for (const source of ['{ fr: Téléchargé }', '{ en: "" }', '[a, b]']) {
      const { problems } = parseManifest(`- file: a.csv\n  flow: import\n  source: ${source}\n  synthetic: false\n`);
      expect(problems.map((p) => p.message).join(), source).toMatch(/source must say where and when the file was downloaded/);
    }
  });

  it('reads the format of a file that is not a GACC download, and no format otherwise', () => {
    const { entries, problems } = parseManifest(
      `- file: a.csv\n  flow: import\n  ${SOURCE}\n  synthetic: false\n  format: other-source\n- file: b.csv\n  flow: import\n  ${SOURCE}\n  synthetic: false\n`,
    );
    expect(problems).toEqual([]);
    expect(entries.map((entry) => entry.format)).toEqual(['other-source', undefined]);
  });

  it('reads a single month as a one-month period', () => {
    const { entries } = parseManifest(`- file: a.csv\n  flow: export\n  period: 2023-10\n  ${SOURCE}\n  synthetic: true\n`);
    expect(entries[0]!.period).toEqual({ start: 2023 * 12 + 9, end: 2023 * 12 + 9 });
  });

  it('names both lines of a file listed twice', () => {
    const entry = `- file: a.csv\n  flow: import\n  ${SOURCE}\n  synthetic: true\n`;
    const { problems } = parseManifest(entry + entry);
    expect(problems).toEqual([{ file: 'sources.yaml', line: 5, message: expect.stringMatching(/entry for a\.csv repeats the entry on line 1/) }]);
  });

  it.each([
    ['synthetic written as text', `- file: a.csv\n  flow: import\n  ${SOURCE}\n  synthetic: "no"\n`, /synthetic must be true .* or false/],
    ['no source', '- file: a.csv\n  flow: import\n  synthetic: true\n', /source must say where and when/],
    ['flow "imports"', `- file: a.csv\n  flow: imports\n  ${SOURCE}\n  synthetic: true\n`, /flow must be "import" or "export"/],
    ['a period with a month 13', `- file: a.csv\n  flow: import\n  period: 2023-01..2023-13\n  ${SOURCE}\n  synthetic: true\n`, /is not a period/],
    ['an entry that is not a mapping', '- a.csv\n', /must be a mapping/],
    ['a format that is not text', `- file: a.csv\n  flow: import\n  ${SOURCE}\n  synthetic: true\n  format: [gacc]\n`, /format must be text/],
  ])("reports %s on the entry's line", (_what, text, message) => {
    const { problems } = parseManifest(`# provenance\n${text}`);
    expect(problems).toEqual([{ file: 'sources.yaml', line: 2, message: expect.stringMatching(message) }]);
  });

  it('reports a mapping instead of a list, and broken YAML, with a line', () => {
    expect(parseManifest(`file: a.csv\nflow: import\n`).problems).toEqual([
      { file: 'sources.yaml', line: 1, message: expect.stringMatching(/expected a list of entries/) },
    ]);
    const broken = parseManifest(`- file: a.csv\n  flow: import\n    period: [2023\n`);
    expect(broken.entries).toEqual([]);
    expect(broken.problems[0]).toMatchObject({ file: 'sources.yaml', line: expect.any(Number), message: expect.stringMatching(/^not valid YAML/) });
  });
});
