/** The gateway's first real request: logs in to Odoo and fills its fields_get cache. */
import { errorText } from '../load/error-text';
import { CUSTOMERS_PATH } from '../workloads';
import type { ServerChild } from './server-child';

/** Undefined when the gateway served it; else what it answered (a 503 names what ops must fix). */
export async function firstRequestRefusal(
  gateway: ServerChild,
  headers: Record<string, string>,
): Promise<string | undefined> {
  const response = await fetch(`${gateway.url}${CUSTOMERS_PATH}?limit=1`, { headers });
  const text = await response.text();
  return response.ok ? undefined : `the gateway answered ${response.status}: ${errorText(text)}`;
}

export async function firstRequest(gateway: ServerChild, headers: Record<string, string>): Promise<void> {
  const refusal = await firstRequestRefusal(gateway, headers);
  if (refusal) throw new Error(`first request: ${refusal}`);
}
