// The share of this VM's CPU time the host took for others while a benchmark ran ("steal" in
// /proc/stat). On this project's VM it has ranged from under 1% to over 30%, and timings taken
// while it is high are not comparable; the benchmarks print it beside their figures.
import fs from 'node:fs';

/** The machine's CPU time counters now (`null` where /proc/stat is not available). */
export function cpuTimes() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] };
  } catch {
    return null;
  }
}

/** "host steal 3.1% of CPU time" between two readings of `cpuTimes`. */
export function stealSince(before) {
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return 'host steal: unknown';
  return `host steal ${((100 * (after.steal - before.steal)) / (after.total - before.total)).toFixed(1)}% of CPU time during the run`;
}
