// "Did you mean …?" for misspelt fact keys, chart ids, directive names and attributes.

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether `candidate` is near enough to `target` to be worth suggesting. */
function isNear(target: string, candidate: string, distance: number): boolean {
  // A third of the target's length (at least 2) in edits, so "class" does not suggest "as";
  // or a shared start, so "imports" suggests "imports-2024".
  const prefix = target.length >= 3 && (candidate.startsWith(target) || target.startsWith(candidate));
  return distance <= Math.max(2, Math.floor(target.length / 3)) || prefix;
}

/** Up to `limit` near candidates, nearest first, ties in alphabetical order. */
export function closest(target: string, candidates: Iterable<string>, limit = 3): string[] {
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(target, candidate) }))
    .filter(({ candidate, distance }) => isNear(target, candidate, distance))
    .sort((x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : 1))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

export interface ListOptions {
  /** Word before the last name: "or" for alternatives (default), "and" for a full list. */
  conjunction?: 'or' | 'and';
  quote?: (name: string) => string;
}

/** Quotes and joins names for a message: `"a"`, `"a" or "b"`, `"a", "b" and "c"`. */
export function listNames(names: readonly string[], options: ListOptions = {}): string {
  const { conjunction = 'or', quote = (name: string) => `"${name}"` } = options;
  const quoted = names.map(quote);
  const last = quoted.pop();
  return quoted.length > 0 ? `${quoted.join(', ')} ${conjunction} ${last}` : (last ?? '');
}

/** " Did you mean "a" or "b"?", or "" when nothing is close. */
export function didYouMean(target: string, candidates: Iterable<string>, quote?: (name: string) => string): string {
  const near = closest(target, candidates);
  return near.length > 0 ? ` Did you mean ${listNames(near, { quote })}?` : '';
}
