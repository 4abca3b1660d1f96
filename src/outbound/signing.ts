/**
 * The headers of a delivery: who sends it, and the proof the receiver checks — Authorization for
 * basic and bearer, `X-Signature: sha256=<hex>` (HMAC-SHA256 of the raw body) for hmac.
 */
import { createHmac } from 'node:crypto';
import type { OutboundAuth } from '../config/types';

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function deliveryHeaders(
  endpoint: string,
  deliveryId: string,
  auth: OutboundAuth,
  body: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'odoo-sync-gateway',
    'X-Gateway-Delivery': deliveryId,
    'X-Gateway-Endpoint': endpoint,
  };
  if (auth.type === 'basic') {
    const pair = Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
    headers.Authorization = `Basic ${pair}`;
  } else if (auth.type === 'bearer') {
    headers.Authorization = `Bearer ${auth.token}`;
  } else if (auth.type === 'hmac') {
    headers['X-Signature'] = signature(auth.secret, body);
  }
  return headers;
}
