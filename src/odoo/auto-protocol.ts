import { CREDENTIALS_REFUSED_MESSAGE } from './classify-fault';

/**
 * What protocol `auto` tries, in order, for a server version, and why it settled where it did. Pure;
 * the probing itself is in auto-odoo-client.ts.
 *
 * - Odoo 19+: JSON-2 when the credential is an API key (JSON-2 is the API that outlives XML-RPC);
 *   else a session login (a password).
 * - Odoo 17–18: a session login (session calls skip Odoo's database listing: several times cheaper
 *   on a multi-database server). Session login refuses API keys and two-factor users.
 * - Anything refused, and older servers: XML-RPC, which every Odoo up to 21 serves.
 */
export type ProbedProtocol = 'json2' | 'session';

/** The first Odoo whose session routes the gateway uses (web_search_read with a specification). */
export const FIRST_SESSION_MAJOR = 17;
export const FIRST_JSON2_MAJOR = 19;

export function autoCandidates(major: number): ProbedProtocol[] {
  if (major >= FIRST_JSON2_MAJOR) return ['json2', 'session'];
  if (major >= FIRST_SESSION_MAJOR) return ['session'];
  return [];
}

export function acceptedReason(protocol: ProbedProtocol, serverVersion: string): string {
  return protocol === 'json2'
    ? `Odoo ${serverVersion} accepted the credential as an API key on JSON-2`
    : `Odoo ${serverVersion} accepted a session login with the credential`;
}

/** Why `auto` fell back to XML-RPC; `refusals` holds each refused probe's (already safe) message. */
export function fallbackReason(
  serverVersion: string,
  major: number,
  refusals: Partial<Record<ProbedProtocol, string>>,
): string {
  if (major < FIRST_SESSION_MAJOR) {
    return `Odoo ${serverVersion} is older than ${FIRST_SESSION_MAJOR}.0, so the gateway speaks XML-RPC to it`;
  }
  const refused = Object.entries(refusals).map(([protocol, why]) => `${protocol}: ${why}`);
  // Session login refuses what XML-RPC accepts: API keys, and users with two-factor authentication.
  const hint =
    refusals.session === CREDENTIALS_REFUSED_MESSAGE
      ? ' (an API key, or a user with two-factor authentication, cannot log in a session)'
      : '';
  return `Odoo ${serverVersion} did not accept the faster protocols${hint}, so the gateway speaks XML-RPC [${refused.join('; ')}]`;
}

export const EXPLICIT_REASON = 'set in gateway.yaml';
