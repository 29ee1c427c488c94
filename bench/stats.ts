/** Nearest-rank percentile of a sample (does not mutate it). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** "p50 | p99" cells for a Markdown table row. */
export function summarize(samples: readonly number[]): string {
  return `${percentile(samples, 50).toFixed(2)} | ${percentile(samples, 99).toFixed(2)}`;
}
