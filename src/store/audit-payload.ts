/**
 * What `audit: { payloads: true }` keeps of a request body: the logging redaction first (no password
 * or token reaches the audit table), then a size cap so one huge batch cannot fill the store.
 */
import { redact } from '../logging/redact';

export const DEFAULT_PAYLOAD_CAP = 16_384;
const TRUNCATED = '…[truncated]';

export function capturePayload(body: unknown, maxChars: number = DEFAULT_PAYLOAD_CAP): string | undefined {
  if (body === undefined) return undefined;
  const text = JSON.stringify(redact(body)) ?? 'null';
  if (text.length <= maxChars) return text;
  return text.slice(0, Math.max(0, maxChars - TRUNCATED.length)) + TRUNCATED;
}
