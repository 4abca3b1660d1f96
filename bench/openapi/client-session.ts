/**
 * A realistic client session against the shipped configuration (reads, filters, writes, a replay, a
 * batch, errors), shared by the jest check of answers against the spec
 * (tests/integration/openapi-responses.test.ts) and the Prism proxy check (openapi-proxy-check.ts).
 */
export type SessionMethod = 'get' | 'post' | 'put' | 'delete';

export interface SessionCallOptions {
  body?: unknown;
  /** Replaces the shop's bearer token header ({} calls without credentials). */
  headers?: Record<string, string>;
}

export type SessionCall = (
  method: SessionMethod,
  path: string,
  options?: SessionCallOptions,
) => Promise<unknown>;

export const SESSION_AUTH = { Authorization: 'Bearer shop-secret-token' };

const V1 = '/bj_api_sync/v1';

export async function runClientSession(call: SessionCall): Promise<void> {
  await call('get', `${V1}/customers?limit=3`);
  await call('get', `${V1}/customers?country=BE&name[ilike]=a&order=-name`);
  await call('get', `${V1}/customers?updated_since=2020-01-01T00:00:00Z&fields=customer_id,name`);
  await call('get', `${V1}/customers/C-1001`);
  await call('get', `${V1}/customers/C-1001?fields=name,tags`);
  await call('get', `${V1}/countries?limit=2`, { headers: {} });
  await call('get', `${V1}/countries/BE`, { headers: {} });
  await call('get', `${V1}/products/SKU-001`);
  await call('get', `${V1}/sale-orders?limit=2`);
  // A feed started now: an empty page and its cursor.
  await call('get', `${V1}/customers/changes`);
  const customer = { customer_id: 'C-7001', name: 'Spec Check', country: 'BE', tags: ['VIP'] };
  await call('post', `${V1}/customers`, { body: customer });
  const key = { ...SESSION_AUTH, 'Idempotency-Key': 'spec-session-1' };
  await call('put', `${V1}/customers/C-7001`, { body: { phone: '+32 1' }, headers: key });
  await call('put', `${V1}/customers/C-7001`, { body: { phone: '+32 1' }, headers: key });
  await call('put', `${V1}/customers/C-7001`, { body: { phone: '+32 2' }, headers: key });
  await call('put', `${V1}/customers/C-7001`, {
    body: { city: 'Ghent' },
    headers: { ...SESSION_AUTH, Prefer: 'return=representation' },
  });
  await call('post', `${V1}/customers`, {
    body: [
      { customer_id: 'C-7002', name: 'Batch One' },
      { customer_id: 'C-7001', name: 'Taken' },
    ],
  });
  await call('put', `${V1}/customers`, { body: [{ customer_id: 'C-7002', city: 'Liège' }] });
  await call('post', `${V1}/sale-orders`, {
    body: { order_ref: 'SPEC-1', customer: 'C-7001', lines: [{ sku: 'SKU-001', quantity: 2 }] },
  });
  await call('delete', `${V1}/customers/C-7002`);
  await call('delete', `${V1}/customers?customer_id=C-7001`);
  // The change feed since before the writes above: created, updated and archived (tombstones).
  await call('get', `${V1}/customers/changes?since=2020-01-01T00:00:00Z&limit=50`);
  await call('get', `${V1}/customers/changes?cursor=damaged`);
  // Errors: each has its status in the spec, with the error body.
  await call('get', `${V1}/customers/C-0000`);
  await call('get', `${V1}/customers?limit=abc&nope=1`);
  await call('get', `${V1}/customers`, { headers: {} });
  await call('post', `${V1}/customers`, { body: { customer_id: 'C-7001', name: 'Again', country: 'ZZ' } });
  await call('post', `${V1}/customers`, { body: { customer_id: 'C-1001', name: 'Duplicate' } });
}
