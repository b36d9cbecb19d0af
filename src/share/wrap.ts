// Line breaking for text drawn into pictures, where nothing lays it out for us.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Greedy wrap at spaces (Korean too: it spaces its words) to lines no wider than `maxWidth`
 * as `width` measures them. A word wider than a line on its own is broken between
 * characters, so nothing overflows. At most `maxLines`; the last ends in an ellipsis when the
 * text was cut.
 */
export function wrap(text: string, maxWidth: number, width: (line: string) => number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = current ? `${current} ${word}` : word;
    if (width(joined) <= maxWidth) {
      current = joined;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    for (const { segment } of graphemes.segment(word)) {
      if (current && width(current + segment) > maxWidth) {
        lines.push(current);
        current = '';
      }
      current += segment;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, maxWidth, width);
  return kept;
}

/** The line with "…" after it, shortened by words (or, in a single word, by characters) until that fits. */
function withEllipsis(line: string, maxWidth: number, width: (line: string) => number): string {
  let text = line;
  while (text && width(`${text}…`) > maxWidth) {
    text = text.includes(' ')
      ? text.replace(/\s+\S*$/, '')
      : [...graphemes.segment(text)]
          .slice(0, -1)
          .map((g) => g.segment)
          .join('');
  }
  return `${text}…`;
}
