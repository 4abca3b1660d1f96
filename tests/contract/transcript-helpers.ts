/**
 * Helpers for replaying the recorded Odoo 18 transcripts: raw HTTP posts, an independent XML-RPC
 * response parser (the `xmlrpc` package's), and an id map between recorded and simulated ids.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';

export const TRANSCRIPTS_PATH = path.resolve(__dirname, '../fixtures/odoo-transcripts/odoo-18.0.json');

export interface TranscriptCase {
  name: string;
  protocol: 'xmlrpc' | 'jsonrpc';
  path: string;
  method: string;
  params?: unknown[];
  result?: unknown;
  fault?: { faultCode: number; faultString: string } | null;
  response?: Record<string, unknown>;
  request_body: string;
  response_body?: string;
  note: string;
}

export function loadTranscripts(): TranscriptCase[] {
  const raw = JSON.parse(fs.readFileSync(TRANSCRIPTS_PATH, 'utf8')) as { cases: TranscriptCase[] };
  return raw.cases;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function post(
  baseUrl: string,
  urlPath: string,
  body: string,
  contentType: string,
): Promise<RawResponse> {
  return rawRequest(`${baseUrl}${urlPath}`, 'POST', { 'Content-Type': contentType }, body);
}

/** One request on its own connection (no agent), the whole answer read as UTF-8. */
export function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface XmlRpcDeserializer {
  deserializeMethodResponse(stream: Readable, cb: (err: unknown, value: unknown) => void): void;
}

/** Parses with the npm `xmlrpc` package (sax-based): an independent check that our bytes parse. */
export function parseWithXmlrpcPackage(
  body: string,
): Promise<{ result?: unknown; fault?: Record<string, unknown> }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Deserializer = require('xmlrpc/lib/deserializer') as new () => XmlRpcDeserializer;
  return new Promise((resolve, reject) => {
    new Deserializer().deserializeMethodResponse(Readable.from([body]), (err, value) => {
      if (err && typeof err === 'object' && 'faultCode' in err)
        resolve({ fault: err as Record<string, unknown> });
      else if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve({ result: value });
    });
  });
}

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * Recorded ids (left) mapped to the simulator's (right), learned the first time an id is seen in a
 * result. Every integer in an id-bearing result (create, search, read, name_search) is an id.
 */
export class IdMap {
  readonly map = new Map<number, number>();

  get(recorded: number): number {
    return this.map.get(recorded) ?? recorded;
  }

  /** Compares a recorded result to the simulator's; returns a list of differences. */
  compare(recorded: unknown, actual: unknown, idBearing: boolean, where = '$'): string[] {
    if (typeof recorded === 'number' && Number.isInteger(recorded) && idBearing) {
      if (typeof actual !== 'number') return [`${where}: expected an id, got ${JSON.stringify(actual)}`];
      if (!this.map.has(recorded)) this.map.set(recorded, actual);
      return this.get(recorded) === actual
        ? []
        : [`${where}: id ${recorded} maps to ${this.get(recorded)}, got ${actual}`];
    }
    if (typeof recorded === 'string' && DATETIME.test(recorded)) {
      return typeof actual === 'string' && DATETIME.test(actual)
        ? []
        : [`${where}: expected a datetime, got ${String(actual)}`];
    }
    if (Array.isArray(recorded)) {
      if (!Array.isArray(actual) || actual.length !== recorded.length) {
        return [`${where}: expected ${JSON.stringify(recorded)}, got ${JSON.stringify(actual)}`];
      }
      return recorded.flatMap((item, k) => this.compare(item, actual[k], idBearing, `${where}[${k}]`));
    }
    if (recorded && typeof recorded === 'object') {
      if (!actual || typeof actual !== 'object')
        return [`${where}: expected an object, got ${JSON.stringify(actual)}`];
      const keysA = Object.keys(recorded);
      const keysB = Object.keys(actual);
      if (keysA.join() !== keysB.join()) return [`${where}: keys ${keysA.join()} vs ${keysB.join()}`];
      return keysA.flatMap((k) =>
        this.compare(
          (recorded as Record<string, unknown>)[k],
          (actual as Record<string, unknown>)[k],
          idBearing,
          `${where}.${k}`,
        ),
      );
    }
    return recorded === actual
      ? []
      : [`${where}: expected ${JSON.stringify(recorded)}, got ${JSON.stringify(actual)}`];
  }

  /** Rewrites recorded ids in XML-RPC values (`<int>357</int>`). */
  rewriteInts(text: string): string {
    return text.replace(/<int>(\d+)<\/int>/g, (_m, n: string) => `<int>${this.get(Number(n))}</int>`);
  }

  /** Rewrites the ids Odoo quotes in MissingError messages (`res.partner(357,)`). */
  rewriteRecordRefs(text: string): string {
    return text.replace(/\((\d+),\)/g, (_m, n: string) => `(${this.get(Number(n))},)`);
  }

  /** Rewrites ids in a request body, only in the model method's args and kwargs (after the uid). */
  rewriteRequest(body: string): string {
    let cut = 0;
    for (let k = 0; k < 5 && cut >= 0; k++) cut = body.indexOf('</param>', cut + 1);
    if (cut < 0) return body;
    return body.slice(0, cut) + this.rewriteInts(body.slice(cut));
  }
}

export function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}
