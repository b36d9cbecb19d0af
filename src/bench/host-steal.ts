// How much of this virtual machine's CPU time its host gave to other work ("steal" in Linux's
// /proc/stat). Wall times on a shared host move with it, CPU times much less, so a benchmark
// says how much was taken while it ran. Other systems report no such figure.
import { readFileSync } from 'node:fs';

export interface CpuTimes {
  /** Clock ticks of every kind since boot, all cores together. */
  total: number;
  /** Of those, ticks the host ran something else while this machine wanted to run. */
  steal: number;
}

/** The all-cores "cpu" line of /proc/stat; undefined without one that has a steal column. */
export function parseProcStat(text: string): CpuTimes | undefined {
  const fields = /^cpu\s+(.+)$/m.exec(text)?.[1]?.trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is counted in user already.
  if (!fields || fields.length < 8 || fields.some((ticks) => !Number.isSafeInteger(ticks))) return undefined;
  const counted = fields.slice(0, 8);
  return { total: counted.reduce((sum, ticks) => sum + ticks, 0), steal: counted[7]! };
}

export function readCpuTimes(): CpuTimes | undefined {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** The share of CPU time stolen between two readings; undefined when either is missing or no time passed. */
export function stealShare(before: CpuTimes | undefined, after: CpuTimes | undefined): number | undefined {
  if (!before || !after) return undefined;
  const total = after.total - before.total;
  return total > 0 ? (after.steal - before.steal) / total : undefined;
}

/** A note for a benchmark's output, or '' where the system reports no steal. */
export function stealNote(share: number | undefined): string {
  if (share === undefined) return '';
  return `(the host took ${(share * 100).toFixed(0)}% of this machine's CPU time during the runs: wall times rise with it, CPU times much less)`;
}
