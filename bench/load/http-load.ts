/**
 * HTTP load with autocannon (a fixed number of keep-alive connections, one request in flight each),
 * keeping every response time at full precision for latency-stats.ts.
 */
import autocannon from 'autocannon';
import { LoadSample, emptySample, noteError } from './latency-stats';

export interface HttpRequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
  /** Added to the load's headers for this request (an Idempotency-Key). */
  headers?: Record<string, string>;
}

export interface HttpLoadOptions {
  url: string;
  connections: number;
  durationS: number;
  headers: Record<string, string>;
  /** Called once per request: GETs rotate over records, POSTs need a fresh identifier each time. */
  next: () => HttpRequestSpec;
}

export async function httpLoad(options: HttpLoadOptions): Promise<LoadSample> {
  const sample = emptySample();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        pipelining: 1,
        duration: options.durationS,
        headers: options.headers,
        requests: [{ setupRequest: (request) => withSpec(request, options.next()) }],
      },
      (error: unknown) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) sample.latenciesMs.push(responseTime);
      else noteError(sample, `HTTP ${statusCode}`);
    });
    instance.on('reqError', (error: unknown) =>
      noteError(sample, error instanceof Error ? error.message : String(error)),
    );
  });
  sample.seconds = (performance.now() - started) / 1000;
  return sample;
}

function withSpec<T extends { headers?: object }>(request: T, spec: HttpRequestSpec): T {
  const { headers, ...rest } = spec;
  // autocannon hands back the request it built last, Content-Length included: a GET after a POST
  // would announce the POST's body length, send none, and the server would read the next request as
  // that body (a 400 from Node's parser). Each request states its own body and length.
  const inherited = Object.entries(request.headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-length',
  );
  return { ...request, ...rest, body: spec.body, headers: { ...Object.fromEntries(inherited), ...headers } };
}
