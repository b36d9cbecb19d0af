import type { AggregatesFile, Fact, FactsFile } from '../contract/index.ts';
import { describe, expect, it } from 'vitest';
import { rankedProducts } from '../charts/fixtures.ts';
import { ferrosilicon, tungsten } from '../format/fixtures.ts';
import { changeSummary, changesMarkdown, compareRuns } from './changes.ts';

const facts = (...list: Fact[]): FactsFile => Object.fromEntries(list.map((fact) => [fact.key, fact]));
const aggregates = (): AggregatesFile => ({ 'top-imports-2023': rankedProducts() });

describe('compareRuns', () => {
  it('has nothing to compare on a first run', () => {
    const report = compareRuns(undefined, { facts: facts(ferrosilicon), aggregates: aggregates() });
    expect(report.compared).toBe(false);
    expect(changesMarkdown(report)).toContain('no previous run to compare with');
    expect(changeSummary(report, 'changes.md')).toEqual([]);
  });

  it('words a changed figure with both values and the change in percent', () => {
    const after = facts({ ...ferrosilicon, value: 185_200_000 }, { ...tungsten, value: 140_000_000 });
    const report = compareRuns({ facts: facts(ferrosilicon, tungsten), aggregates: aggregates() }, { facts: after, aggregates: aggregates() });
    expect(report.facts).toEqual(['ferrosilicon-2023: 181.53M → 185.2M yuan (+2%)', 'tungsten-2023: 151.92M → 140M yuan (−7.8%)']);
  });

  it('reports ranks, labels, periods, and facts that came or went', () => {
    const before = facts(ferrosilicon, { ...tungsten, key: 'top-import-2023', label: 'Wigs and false eyelashes', rank: 1 });
    const after = facts(
      { ...ferrosilicon, rank: 3, period: { start: '2023-01', end: '2023-11' }, usd: { ...ferrosilicon.usd!, rate: 7.1 } },
      { ...tungsten, key: 'top-import-2023', label: 'Ferrosilicon', rank: 1 },
      { ...tungsten, key: 'tungsten-2024', value: 5 },
    );
    const report = compareRuns({ facts: before, aggregates: {} }, { facts: after, aggregates: {} });
    expect(report.facts).toEqual([
      'ferrosilicon-2023: rank 2 → 3',
      'ferrosilicon-2023: period January–October 2023 → January–November 2023',
      'ferrosilicon-2023: dollar rate 7.0467 (2023) → 7.1 (2023) yuan per dollar',
      'top-import-2023: now Ferrosilicon (was Wigs and false eyelashes)',
      'tungsten-2024: new fact, 5 yuan',
    ]);
    const removed = compareRuns({ facts: after, aggregates: {} }, { facts: before, aggregates: {} });
    expect(removed.facts).toContain('tungsten-2024: removed (stories that cite it will fail)');
  });

  it('reports rank changes, rows in and out, and how many values moved in an aggregate', () => {
    const after = aggregates();
    const rows = after['top-imports-2023']!.rows;
    // Silicon carbide (sixth) overtakes electricity (fifth); pig bristles drop out; zinc comes in.
    rows[5]!.value = 80_000_000;
    [rows[4]!.rank, rows[5]!.rank] = [6, 5];
    rows.splice(8, 1);
    rows.push({ product: 'zinc', product_label: 'Zinc ore', product_group: '', value: 1_000_000, records: 1, rank: 12 });
    const report = compareRuns({ facts: {}, aggregates: aggregates() }, { facts: {}, aggregates: after });
    expect(report.aggregates).toEqual([
      'top-imports-2023: Electricity rank 5 → 6',
      'top-imports-2023: Silicon carbide rank 6 → 5',
      'top-imports-2023: new row Zinc ore, 1M yuan',
      'top-imports-2023: Pig bristles and hair is no longer in the data',
      'top-imports-2023: 1 of 12 values changed: Silicon carbide 64.8M → 80M yuan (+23.5%)',
    ]);
    expect(report.details).toEqual(['top-imports-2023: Silicon carbide 64.8M → 80M yuan (+23.5%)']);
    const markdown = changesMarkdown(report);
    expect(markdown).toContain('## Facts\n\nNo fact changed.\n');
    expect(markdown).toContain('## Aggregates\n\n- top-imports-2023: Electricity rank 5 → 6\n');
  });

  it('summarises for the terminal in a few lines and points to the file', () => {
    const many = facts(...Array.from({ length: 15 }, (_, k) => ({ ...ferrosilicon, key: `fact-${String(k).padStart(2, '0')}` })));
    const moved = facts(...Object.values(many).map((fact) => ({ ...fact, value: fact.value * 2 })));
    const summary = changeSummary(compareRuns({ facts: many, aggregates: {} }, { facts: moved, aggregates: {} }), 'data/build/changes.md', 3);
    expect(summary).toEqual([
      '15 change(s) since the previous run (data/build/changes.md):',
      '  fact-00: 181.53M → 363.06M yuan (+100%)',
      '  fact-01: 181.53M → 363.06M yuan (+100%)',
      '  fact-02: 181.53M → 363.06M yuan (+100%)',
      '  and 12 more',
    ]);
  });
});
