import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChartSourceError, readChartLibrary } from './chart-files.ts';

const chartFile = (title: string) => ['type: bar', 'aggregate: ranked-products', 'x: product', `title: ${title}`, 'dek: Products by value.', ''].join('\n');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chart-files-'));
  await writeFile(join(dir, 'wigs.yaml'), chartFile('Wigs'));
  await writeFile(join(dir, 'notes.txt'), 'not a chart');
});

afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readChartLibrary', () => {
  it('gives each YAML file its id from its name', () => {
    const library = readChartLibrary(dir);
    expect([...library.keys()]).toEqual(['wigs']);
    expect(library.get('wigs')?.definition.title).toEqual({ en: 'Wigs' });
    expect(library.get('wigs')?.path).toBe(join(dir, 'wigs.yaml'));
  });

  // Every story page of a build asks for the library: the files are parsed once, not once a story.
  it('hands back the library it parsed while no file changed, and parses again after an edit', async () => {
    const first = readChartLibrary(dir);
    expect(readChartLibrary(dir)).toBe(first);
    await writeFile(join(dir, 'wigs.yaml'), chartFile('Wigs and hairpieces'));
    const edited = readChartLibrary(dir);
    expect(edited).not.toBe(first);
    expect(edited.get('wigs')?.definition.title).toEqual({ en: 'Wigs and hairpieces' });
    await writeFile(join(dir, 'bristles.yml'), chartFile('Bristles'));
    expect([...readChartLibrary(dir).keys()]).toEqual(['bristles', 'wigs']);
  });

  it('names the file and line of a mistake, every time it is asked', async () => {
    await writeFile(join(dir, 'wigs.yaml'), 'type: bar\ntitle: [unclosed\n');
    for (let ask = 0; ask < 2; ask++) expect(() => readChartLibrary(dir)).toThrow(ChartSourceError);
  });

  it('is empty without a folder', () => {
    expect(readChartLibrary(join(dir, 'missing')).size).toBe(0);
  });
});
