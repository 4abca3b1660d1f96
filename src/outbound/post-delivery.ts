/**
 * One POST of a delivery to its receiver, and what the answer means:
 * - 2xx: delivered;
 * - 408, 429, 5xx, no answer (refused, reset, timeout): try again later (Retry-After honoured);
 * - any other status (a 4xx: bad signature, refused body; a 3xx: the URL moved): the receiver will
 *   not take it as it is, so it goes straight to the dead letters with its answer.
 * The answer kept is cut to RESPONSE_MAX_CHARS; the URL, headers and body are never put in an error.
 */
import type { OutboundAuth } from '../config/types';
import type { DeliveryAnswer } from '../store/outbound-queue';
import { retryAfterMs } from './backoff';
import { deliveryHeaders } from './signing';

export const RESPONSE_MAX_CHARS = 2048;

export type PostOutcome =
  | { kind: 'delivered'; answer: DeliveryAnswer }
  | { kind: 'retry'; answer: DeliveryAnswer; retryAfterMs?: number }
  | { kind: 'dead'; answer: DeliveryAnswer };

export interface PostRequest {
  url: string;
  endpoint: string;
  deliveryId: string;
  auth: OutboundAuth;
  body: string;
  timeoutMs: number;
  /** Aborts the POST when the gateway stops (the outcome is then not recorded). */
  signal?: AbortSignal;
}

export async function postDelivery(request: PostRequest): Promise<PostOutcome> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: deliveryHeaders(request.endpoint, request.deliveryId, request.auth, request.body),
      body: request.body,
      redirect: 'manual',
      signal,
    });
    const answer: DeliveryAnswer = { status: response.status, response: await readCapped(response) };
    if (response.status >= 200 && response.status < 300) return { kind: 'delivered', answer };
    if (retryable(response.status)) {
      const after = retryAfterMs(response.headers.get('retry-after'));
      return { kind: 'retry', answer: { ...answer, error: `HTTP ${response.status}` }, retryAfterMs: after };
    }
    return { kind: 'dead', answer: { ...answer, error: `HTTP ${response.status}: the receiver refused it` } };
  } catch (error) {
    if (request.signal?.aborted) throw error;
    const reason = timeout.aborted ? `no answer within ${request.timeoutMs} ms` : networkReason(error);
    return { kind: 'retry', answer: { error: reason } };
  }
}

function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The start of the body: enough to see why, never megabytes. */
async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < RESPONSE_MAX_CHARS) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  if (text.length >= RESPONSE_MAX_CHARS) await reader.cancel().catch(() => undefined);
  return text.slice(0, RESPONSE_MAX_CHARS);
}

/** `connection refused (ECONNREFUSED)`: the system's code, never the URL. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host lookup failed',
    UND_ERR_SOCKET: 'connection closed',
  };
  if (code) return `${known[code] ?? 'network error'} (${code})`;
  return 'network error';
}
