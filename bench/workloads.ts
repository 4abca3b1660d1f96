/**
 * The four single-record operations of the CRUD rows, each as an HTTP request (for the gateway and the
 * Express baseline, which share the URLs) and as direct Odoo calls. Every call of `next` moves on: GETs
 * and PUTs rotate over the seeded customers, POSTs get a fresh identifier.
 */
import type { HttpRequestSpec } from './load/http-load';
import {
  CustomerBody,
  createCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from './odoo/customer-calls';
import type { OdooExec } from './odoo/odoo-exec';

export const CUSTOMERS_PATH = '/bj_api_sync/v1/customers';
export const LIST_SIZE = 100;
const COUNTRIES = ['BE', 'FR', 'DE', 'NL', 'US', 'GB', 'ES', 'IT', 'LU', 'CH', 'SE', 'IE', 'PT', 'AT', 'DK'];
const TAGS = ['VIP', 'Retail', 'Wholesale'];

export type CrudOpId = 'get-one' | 'list' | 'post' | 'put';

export interface Operation {
  http: HttpRequestSpec;
  direct: (exec: OdooExec) => Promise<unknown>;
}

export interface Workload {
  id: CrudOpId;
  label: string;
  next(): Operation;
}

/** Deterministic customers with a country and one or two tags (all of which exist after the first). */
export function makeCustomers(prefix: string, count: number): CustomerBody[] {
  return Array.from({ length: count }, (_, k) => ({
    customer_id: `${prefix}-${String(k + 1).padStart(5, '0')}`,
    name: `Bench Customer ${prefix} ${k + 1}`,
    email: `bench.${prefix.toLowerCase()}.${k + 1}@example.com`,
    country: COUNTRIES[k % COUNTRIES.length],
    tags: k % 2 === 0 ? [TAGS[k % 3] as string] : [TAGS[k % 3] as string, TAGS[(k + 1) % 3] as string],
  }));
}

export function makeWorkload(id: CrudOpId, seededRefs: readonly string[], runTag: string): Workload {
  let n = 0;
  const ref = () => seededRefs[n++ % seededRefs.length] as string;
  switch (id) {
    case 'get-one':
      return {
        id,
        label: 'GET one',
        next: () => {
          const customer = ref();
          return {
            http: { method: 'GET', path: `${CUSTOMERS_PATH}/${encodeURIComponent(customer)}` },
            direct: (exec) => getCustomer(exec, customer),
          };
        },
      };
    case 'list':
      return {
        id,
        label: `GET list (${LIST_SIZE})`,
        next: () => ({
          http: { method: 'GET', path: `${CUSTOMERS_PATH}?limit=${LIST_SIZE}` },
          direct: (exec) => listCustomers(exec, LIST_SIZE),
        }),
      };
    case 'post':
      return {
        id,
        label: 'POST one',
        next: () => {
          const [body] = makeCustomers(`${runTag}-P${++n}`, 1) as [CustomerBody];
          return {
            http: { method: 'POST', path: CUSTOMERS_PATH, body: JSON.stringify(body) },
            direct: (exec) => createCustomer(exec, body),
          };
        },
      };
    case 'put':
      return {
        id,
        label: 'PUT one',
        next: () => {
          const k = n;
          const customer = ref();
          const body = {
            name: `Bench Renamed ${k}`,
            country: COUNTRIES[k % COUNTRIES.length],
            tags: [TAGS[k % 3] as string],
          };
          return {
            http: {
              method: 'PUT',
              path: `${CUSTOMERS_PATH}/${encodeURIComponent(customer)}`,
              body: JSON.stringify(body),
            },
            direct: (exec) => updateCustomer(exec, customer, body),
          };
        },
      };
  }
}
