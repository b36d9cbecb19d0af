// Splits whole numbers into parts that add up exactly, so calibrated totals survive being
// spread over codes, months and (trade mode, place) rows.

/**
 * Largest-remainder apportionment: `total` split in proportion to `weights`, each part a
 * whole number, the parts summing to `total`. Ties go to the earlier weight.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`cannot apportion ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.some((w) => !(w >= 0)) || !(sum > 0)) throw new Error('apportion needs non-negative weights with a positive sum');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((_, i) => i).sort((a, b) => exact[b]! - parts[b]! - (exact[a]! - parts[a]!) || a - b);
  for (const i of order) {
    if (left === 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}
