/**
 * Bodies over the configured limit (config/gateway.yaml: 1 MB), sent by many clients at once: every
 * one gets a 413 JSON error, none is buffered whole, and the gateway still works afterwards.
 */
import http from 'node:http';
import request from 'supertest';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';
import { changingCalls } from './robustness-wire';

const HUGE = 20 * 1024 * 1024;
const CLIENTS = 10;

let h: Harness;
let huge: Buffer;

beforeAll(async () => {
  h = await startHarness();
  // One buffer for every client, allocated before memory is measured: `{"name":"zzzz…"}`.
  huge = Buffer.alloc(HUGE, 'z');
  huge.write('{"name":"', 0);
  huge.write('"}', HUGE - 2);
});

afterAll(async () => {
  await h.close();
});

interface Answer {
  status: number;
  body: string;
}

/** Sends `body` (with a Content-Length, or chunked) and resolves with the answer, even if the gateway
 * cuts the upload short once it has answered. */
function upload(body: Buffer, chunked: boolean, auth: Record<string, string> = SHOP_AUTH): Promise<Answer> {
  const url = new URL(h.url);
  return new Promise((resolve, reject) => {
    let answer: Answer | undefined;
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/bj_api_sync/v1/customers',
      agent: false,
      headers: {
        ...auth,
        'Content-Type': 'application/json',
        ...(chunked ? {} : { 'Content-Length': String(body.length) }),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
        resolve(answer);
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answer) reject(error);
    });
    if (!chunked) return void req.end(body);
    for (let offset = 0; offset < body.length; offset += 64 * 1024) {
      req.write(body.subarray(offset, offset + 64 * 1024));
    }
    req.end();
  });
}

/** Heap plus Buffers: what the gateway would grow if it kept bodies. */
function usedBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

describe('robustness: bodies over the limit', () => {
  it.each([
    ['with a Content-Length', false],
    ['chunked, without a Content-Length', true],
  ])(
    'when 10 clients send 20 MB bodies at once (%s), then each gets a 413 JSON error and memory stays flat',
    async (_how, chunked) => {
      global.gc?.();
      const before = usedBytes();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, usedBytes())), 5);
      h.resetCalls();
      try {
        const answers = await Promise.all(Array.from({ length: CLIENTS }, () => upload(huge, chunked)));
        for (const answer of answers) {
          expect(answer.status).toBe(413);
          expect(JSON.parse(answer.body)).toMatchObject({
            success: false,
            status_code: 'PAYLOAD_TOO_LARGE',
            request_id: expect.any(String) as unknown,
          });
        }
      } finally {
        clearInterval(sampler);
      }
      // Ten bodies kept whole would be 200 MB (more as strings); a few limit-sized reads are fine.
      expect(peak - before).toBeLessThan(64 * 1024 * 1024);
      expect(changingCalls(h.objectCalls())).toEqual([]);
    },
    30_000,
  );

  it('when 10 clients without credentials send 20 MB bodies at once, then each gets a 401 JSON error (credentials are checked before the body)', async () => {
    const answers = await Promise.all(Array.from({ length: CLIENTS }, () => upload(huge, true, {})));
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ success: false, status_code: 'UNAUTHORIZED' });
    }
  });

  it('when the uploads are over, then the gateway still answers', async () => {
    const health = await request(h.url).get('/health');
    expect(health.status).toBe(200);
    const list = await request(h.url).get('/bj_api_sync/v1/customers?limit=1').set(SHOP_AUTH);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ success: true, count: 1 });
  });

  it('when a body is just under the limit, then it is read and validated (a 400, not a 413)', async () => {
    const body = JSON.stringify({ customer_id: 'BIG-1', name: 'n', nosuch: 'y'.repeat(1_000_000) });
    const res = await request(h.url)
      .post('/bj_api_sync/v1/customers')
      .set(SHOP_AUTH)
      .type('application/json')
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 'VALIDATION_ERROR', line_id: 'nosuch' });
  });
});
