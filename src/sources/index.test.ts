import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMAT, readerRegistry, SOURCE_READERS } from './index.ts';
import type { SourceReader } from './types.ts';

describe('the source reader registry', () => {
  it('reads the default format', () => {
    expect(SOURCE_READERS.get(DEFAULT_FORMAT)?.format).toBe(DEFAULT_FORMAT);
  });

  it('refuses two readers that claim one format', () => {
    const reader: SourceReader = { format: 'twice', writesRecordsCsv: false, read: () => Promise.reject(new Error('not read')) };
    expect(() => readerRegistry([reader, { ...reader }])).toThrow('two source readers claim the format "twice"');
  });
});
