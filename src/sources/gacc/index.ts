// The `gacc` format: CSV downloads from GACC's online query platform, in Chinese or English,
// GB18030 or UTF-8 (read-file.ts). It writes records.csv lines itself, as bytes, from the
// segments its worker threads read.
import type { SourceReader } from '../types.ts';
import { readGaccFile } from './read-file.ts';

export const gaccReader: SourceReader = {
  format: 'gacc',
  writesRecordsCsv: true,
  read: readGaccFile,
};
