/**
 * The spec tells the truth about the answers: a realistic client session against the gateway on the
 * simulator (reads, filters, writes, a replay, a batch, errors), and every answer is validated (ajv,
 * JSON Schema 2020-12) against the response schema the served openapi.json gives for its operation and
 * status. What Prism's proxy validation would do, without a proxy.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import request from 'supertest';
import { runClientSession } from '../../bench/openapi/client-session';
import { Harness, SHOP_AUTH, startHarness } from './support/gateway-harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Exchange {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  status: number;
  body: unknown;
}

const V1 = '/bj_api_sync/v1';

/** The path template of the spec that a concrete path matches (`/customers/C-1` → `/customers/{id}`). */
function templateOf(paths: Json, path: string): string | undefined {
  const bare = path.split('?')[0] ?? '';
  return Object.keys(paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare),
  );
}

function problemsOf(spec: Json, ajv: Ajv2020, exchange: Exchange): string[] {
  const template = templateOf(spec.paths, exchange.path);
  const operation = template ? spec.paths[template][exchange.method] : undefined;
  const response = operation?.responses[String(exchange.status)];
  const schema = response?.content?.['application/json']?.schema;
  const where = `${exchange.method.toUpperCase()} ${exchange.path} → ${exchange.status}`;
  if (!schema) return [`${where}: no response schema in the spec`];
  const validate = ajv.compile(schema);
  if (validate(exchange.body)) return [];
  return [`${where}: ${ajv.errorsText(validate.errors)}`];
}

describe('answers of a client session against the served OpenAPI document', () => {
  let h: Harness;
  const exchanges: Exchange[] = [];
  const call = async (
    method: Exchange['method'],
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    let pending = request(h.url)
      [method](path)
      .set(options.headers ?? SHOP_AUTH);
    if (options.body !== undefined) pending = pending.send(options.body as object);
    const res = await pending;
    exchanges.push({ method, path, status: res.status, body: res.body });
    return res;
  };

  /** The document the gateway serves now (its fields_get known after the first reads), $refs resolved. */
  const servedSpec = async () =>
    (await SwaggerParser.dereference((await request(h.url).get(`${V1}/openapi.json`)).body)) as Json;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('when a client reads, writes, retries and errs, then every answer matches the spec', async () => {
    await runClientSession(call);

    const spec = await servedSpec();
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const statuses = new Set(exchanges.map((exchange) => exchange.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 201, 400, 401, 404, 409, 422]));
    expect(exchanges.flatMap((exchange) => problemsOf(spec, ajv, exchange))).toEqual([]);
  });

  test('when an answer breaks its schema, then the check reports it (the check can fail)', async () => {
    const spec = await servedSpec();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const wrong = { method: 'get' as const, path: `${V1}/customers/C-1001`, status: 200, body: { data: {} } };
    expect(problemsOf(spec, ajv, wrong)).toEqual([
      expect.stringContaining("must have required property 'success'"),
    ]);
  });
});
