/**
 * CORS over real HTTP: off with the shipped config, and with `server.cors.origins` a browser's preflight
 * is answered before authentication, and its script can read the answers (errors included) and their
 * headers.
 */
import path from 'node:path';
import { Harness, REPO_ROOT, SHOP_AUTH, startHarness } from './support/gateway-harness';
import { SIMULATOR_GATEWAY_YAML, TempConfig, writeTempConfig } from './support/temp-config';

const SHOP_ORIGIN = 'https://shop.example.test';
const CUSTOMERS = '/bj_api_sync/v1/customers';

function preflight(harness: Harness, origin: string): Promise<Response> {
  return fetch(`${harness.url}${CUSTOMERS}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
    },
  });
}

describe('CORS with the shipped configuration (no origins)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  test('when a browser on another origin reads, then the answer carries no CORS header', async () => {
    const res = await fetch(`${harness.url}${CUSTOMERS}?limit=1`, {
      headers: { ...SHOP_AUTH, Origin: SHOP_ORIGIN },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('when a browser sends a preflight, then it is not allowed', async () => {
    const res = await preflight(harness, SHOP_ORIGIN);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('CORS with server.cors.origins set', () => {
  let harness: Harness;
  let temp: TempConfig;
  beforeAll(async () => {
    const endpointsDir = path.join(REPO_ROOT, 'config/endpoints');
    temp = writeTempConfig(
      {},
      `${SIMULATOR_GATEWAY_YAML}server:\n  cors:\n    origins: ['${SHOP_ORIGIN}']\n` +
        `endpoints_dir: ${endpointsDir}\n`,
    );
    harness = await startHarness({ configPath: temp.configPath });
  });
  afterAll(async () => {
    await harness.close();
    temp.remove();
  });

  test('when an allowed origin sends a preflight without credentials, then it gets 204 and the allowed headers', async () => {
    const res = await preflight(harness, SHOP_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,DELETE');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  test('when an allowed origin reads, then its script may read the answer and X-Request-ID', async () => {
    const res = await fetch(`${harness.url}${CUSTOMERS}?limit=1`, {
      headers: { ...SHOP_AUTH, Origin: SHOP_ORIGIN },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',');
    expect(exposed).toEqual(expect.arrayContaining(['X-Request-ID', 'Idempotent-Replayed', 'Retry-After']));
  });

  test('when an allowed origin forgets its token, then the 401 body is readable by its script', async () => {
    const res = await fetch(`${harness.url}${CUSTOMERS}`, { headers: { Origin: SHOP_ORIGIN } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(await res.json()).toMatchObject({ success: false, status_code: 'UNAUTHORIZED' });
  });

  test('when another origin calls, then the answer does not allow it', async () => {
    const res = await fetch(`${harness.url}${CUSTOMERS}?limit=1`, {
      headers: { ...SHOP_AUTH, Origin: 'https://evil.example.test' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await preflight(harness, 'https://evil.example.test');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
