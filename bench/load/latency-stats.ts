/**
 * One summary for every side of a comparison, computed the same way from raw per-request times, so
 * a ratio never compares two different percentile algorithms (autocannon's own histogram rounds to
 * whole milliseconds, too coarse for a 10 % target at 20 ms).
 */
export interface LoadSample {
  /** Milliseconds per successful request. */
  latenciesMs: number[];
  /** Wall time the load ran, in seconds. */
  seconds: number;
  /** Non-2xx answers and transport errors. */
  errors: number;
  /** A few distinct error descriptions, for the report. */
  errorSamples: string[];
}

export interface LoadSummary {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  errors: number;
  errorSamples: string[];
}

export function emptySample(): LoadSample {
  return { latenciesMs: [], seconds: 0, errors: 0, errorSamples: [] };
}

/** Rounds of the same side add up: requests and seconds sum, latencies pool. */
export function mergeSamples(samples: readonly LoadSample[]): LoadSample {
  const merged = emptySample();
  for (const sample of samples) {
    for (const ms of sample.latenciesMs) merged.latenciesMs.push(ms);
    merged.seconds += sample.seconds;
    merged.errors += sample.errors;
    for (const text of sample.errorSamples) keepErrorText(merged, text);
  }
  return merged;
}

/** Counts one failed request and keeps its description if it is a new one. */
export function noteError(sample: LoadSample, text: string): void {
  sample.errors += 1;
  keepErrorText(sample, text);
}

function keepErrorText(sample: LoadSample, text: string): void {
  if (sample.errorSamples.length < 3 && !sample.errorSamples.includes(text)) sample.errorSamples.push(text);
}

export function summarize(sample: LoadSample): LoadSummary {
  const sorted = Float64Array.from(sample.latenciesMs).sort();
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    requests: sorted.length,
    seconds: round(sample.seconds, 2),
    rps: sample.seconds > 0 ? round(sorted.length / sample.seconds, 1) : 0,
    p50Ms: round(percentile(sorted, 50), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    meanMs: sorted.length > 0 ? round(total / sorted.length, 2) : 0,
    errors: sample.errors,
    errorSamples: sample.errorSamples,
  };
}

/** Nearest-rank percentile of sorted values (0 for none). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
