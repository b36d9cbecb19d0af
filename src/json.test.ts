import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stableStringify, writeStableJson } from './json.ts';

/** The text stableStringify promises: JSON.stringify's, with every object's keys sorted. */
function expected(value: unknown): string {
  const sortKeys = (_key: string, inner: unknown) =>
    inner === null || typeof inner !== 'object' || Array.isArray(inner)
      ? inner
      : Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, (inner as Record<string, unknown>)[key]]),
        );
  return `${JSON.stringify(value, sortKeys, 2)}\n`;
}

// Keys that objects order apart (integer-like ones first) and values JSON.stringify leaves out.
const key = fc.oneof(fc.string(), fc.constantFrom('2023', '840', '08', '-1', '4294967295', 'a b', '"'));
const leaf = fc.oneof(
  fc.jsonValue(),
  fc.constant(undefined),
  fc.double(),
  fc.constant(() => 0),
);
const node = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(key, tie('node'))),
})).node;
// JSON has no text for a bare undefined or function, so the data step never writes one.
const value = node.filter((v) => JSON.stringify(v) !== undefined);

describe('stableStringify', () => {
  it('gives JSON.stringify’s text with sorted keys, for any value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(stableStringify(v)).toBe(expected(v));
      }),
    );
  });

  it('sorts keys at every depth and ends with a newline', () => {
    expect(stableStringify({ b: [{ d: 1, c: null }], a: {}, e: [] })).toBe(
      '{\n  "a": {},\n  "b": [\n    {\n      "c": null,\n      "d": 1\n    }\n  ],\n  "e": []\n}\n',
    );
  });

  it('uses a value’s toJSON, as JSON.stringify does', () => {
    expect(stableStringify({ when: new Date(Date.UTC(2023, 0, 2)) })).toBe('{\n  "when": "2023-01-02T00:00:00.000Z"\n}\n');
  });
});

describe('writeStableJson', () => {
  it('writes stableStringify’s bytes, in chunks when the value is large', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stable-json-'));
    try {
      const rows = Array.from({ length: 5_000 }, (_, k) => ({ value: k, hs_code: String(k).padStart(8, '0'), name: `Row ${k} “quoted”` }));
      const large = { rows, names: Object.fromEntries(rows.map((row) => [row.hs_code, row.name])) };
      for (const v of [large, { a: 1 }, []]) {
        const path = join(dir, 'out.json');
        writeStableJson(path, v);
        expect(readFileSync(path, 'utf8')).toBe(stableStringify(v));
      }
      expect(stableStringify(large).length).toBeGreaterThan(1 << 17);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
