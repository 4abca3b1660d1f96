/**
 * An endpoint's `outbound:` block beyond its structure: each auth type carries its credentials and
 * only those, a secret is taken from the environment (`${VAR}`) rather than written in the file that
 * ships with the image, the URL carries no credentials, and the backoff's first wait is not longer
 * than its cap.
 */
import { RawOutbound, RawOutboundAuth } from './raw-types';
import { Report } from './report';
import { KeyPath } from './yaml-source';

type Credential = Exclude<keyof RawOutboundAuth, 'type'>;

const NEEDED: Record<RawOutboundAuth['type'], readonly Credential[]> = {
  none: [],
  basic: ['username', 'password'],
  bearer: ['token'],
  hmac: ['secret'],
};
const SECRETS: readonly Credential[] = ['password', 'token', 'secret'];
const CREDENTIALS: readonly Credential[] = ['username', ...SECRETS];

/** `rawAuth` is the block as written, before `${VAR}` interpolation. */
export function checkOutbound(outbound: RawOutbound, rawAuth: unknown, report: Report): void {
  const at: KeyPath = ['outbound', 'auth'];
  const { auth } = outbound;
  for (const key of NEEDED[auth.type]) {
    if (auth[key] === undefined) {
      report(
        [...at, key],
        `\`type: ${auth.type}\` needs ${key}`,
        `${key}: "\${OUTBOUND_${key.toUpperCase()}}"`,
      );
    }
  }
  for (const key of CREDENTIALS) {
    if (auth[key] !== undefined && !NEEDED[auth.type].includes(key)) {
      report([...at, key], `is not used by \`type: ${auth.type}\``);
    }
  }
  const written = isRecord(rawAuth) ? rawAuth : {};
  for (const key of SECRETS) {
    const value = written[key];
    if (typeof value === 'string' && !value.includes('${')) {
      report(
        [...at, key],
        'is written in the file: a secret must come from the environment',
        `${key}: "\${OUTBOUND_${key.toUpperCase()}}"`,
      );
    }
  }
  const url = new URL(outbound.url); // joi has accepted it as an http(s) URI
  if (url.username !== '' || url.password !== '') {
    report(
      ['outbound', 'url'],
      'must not hold credentials (they would be logged and stored with it)',
      'use outbound.auth',
    );
  }
  if (outbound.backoff.initial_ms > outbound.backoff.max_ms) {
    report(['outbound', 'backoff', 'initial_ms'], `is larger than max_ms (${outbound.backoff.max_ms})`);
  }
}

/** The `outbound.auth` block of the file as written, if there is one. */
export function writtenOutboundAuth(rawFile: unknown): unknown {
  const outbound = isRecord(rawFile) ? rawFile.outbound : undefined;
  return isRecord(outbound) ? outbound.auth : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
