// GACC's own code lists as its query platform exports them (trading partners, customs
// regimes, provinces, HS8 codes): GB18030, and looser CSV than its downloads — unquoted rows
// whose names hold commas (`125,Nepal, FDR,`), unescaped quotes inside quoted names, and line
// breaks or bare carriage returns inside names. Read only to build the reference tables.
import iconv from 'iconv-lite';

export interface CodeName {
  code: string;
  name: string;
}

export function decodeCodeList(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb18030').replace(/^\uFEFF/, '');
}

/** A name as one line: control characters (GACC writes a NUL for one missing name) and line breaks become spaces. */
function cleanName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function dataLines(text: string): string[] {
  const lines = text.split('\n');
  lines.shift(); // the header: the list's column names
  return lines;
}

/**
 * A list of a code and a name per line, each line ending in a comma. The name is everything
 * between the first comma and the last, so names holding commas stay whole.
 */
export function parseNameList(text: string, codeDigits: number, listName: string): CodeName[] {
  const rows: CodeName[] = [];
  const pattern = new RegExp(`^(\\d{${codeDigits}}),(.*),\\s*$`);
  dataLines(text).forEach((line, k) => {
    if (line.trim() === '') return;
    const match = pattern.exec(line);
    if (!match) throw new Error(`${listName}, line ${k + 2}: expected a ${codeDigits}-digit code, a name and a trailing comma, got "${line.trim()}"`);
    rows.push({ code: match[1]!, name: cleanName(match[2]!.replace(/^"(.*)"$/, '$1')) });
  });
  return rows;
}

/**
 * The HS8 list: code, quoted name, year, then the codes and quoted names of two units. A row
 * starts at a line that starts with eight digits and a quote; lines that do not belong to the
 * name of the row before. The name is whatever lies between the first quote and the quote
 * before the year, so quotes inside it need no escaping.
 */
export function parseHs8List(text: string, listName: string): CodeName[] {
  const records: string[] = [];
  for (const line of dataLines(text)) {
    if (/^\d{8},"/.test(line)) records.push(line);
    else if (records.length > 0) records[records.length - 1] += `\n${line}`;
    else if (line.trim() !== '') throw new Error(`${listName}: text before the first code: "${line.trim()}"`);
  }
  return records.map((record) => {
    const match = /^(\d{8}),"([\s\S]*)",\d{4},[^,]*,"[^"]*",[^,]*,"[^"]*",\s*$/.exec(record);
    if (!match) throw new Error(`${listName}: the row of code ${record.slice(0, 8)} does not end in year, unit codes and unit names`);
    return { code: match[1]!, name: cleanName(match[2]!) };
  });
}
