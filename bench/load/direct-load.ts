/**
 * The same load shape as http-load.ts for a side that is a function rather than a URL: `connections`
 * workers, each with one operation in flight, for `durationS` seconds.
 */
import { LoadSample, emptySample, noteError } from './latency-stats';

export async function directLoad(
  connections: number,
  durationS: number,
  operation: () => Promise<unknown>,
): Promise<LoadSample> {
  const sample = emptySample();
  const started = performance.now();
  const deadline = started + durationS * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        await operation();
        sample.latenciesMs.push(performance.now() - begin);
      } catch (error) {
        noteError(sample, error instanceof Error ? error.message.slice(0, 200) : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  sample.seconds = (performance.now() - started) / 1000;
  return sample;
}
