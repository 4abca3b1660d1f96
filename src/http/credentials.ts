/**
 * The credentials an Authorization header presents, and their constant-time comparison with the
 * configured ones (plain values, or `sha256:<hex>` digests). Pure functions, no Express.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface BasicCredentials {
  username: string;
  password: string;
}

/** RFC 7617: base64 of `user:pass`, the user ends at the FIRST colon, the password may hold more. */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * RFC 6750 §2.1: `Bearer <token>`. Only the header counts: a token in the body would be a record's own
 * `access_token` field, and one in the query string a secret in every proxy's log.
 */
export function parseBearerAuthorization(header: string | undefined): string | undefined {
  return header === undefined ? undefined : /^\s*Bearer\s+([^ ]+?)\s*$/i.exec(header)?.[1];
}

const HASHED_CREDENTIAL = /^sha256:([0-9a-f]{64})$/i;

/**
 * The SHA-256 digest a presented secret is compared against: the configured hash as is, or the
 * digest of a plain value. Undefined for an empty value, which must never match (an unset
 * environment variable interpolates to "" and would otherwise open the endpoint).
 */
export function credentialDigest(configured: string): Buffer | undefined {
  const hashed = HASHED_CREDENTIAL.exec(configured);
  if (hashed?.[1]) return Buffer.from(hashed[1], 'hex');
  return configured === '' ? undefined : sha256(configured);
}

/** True when `given` is one of the tokens. Compares against all of them, in constant time each. */
export function createTokenMatcher(tokens: readonly string[]): (given: string) => boolean {
  const digests = tokens.map(credentialDigest);
  return (given) => {
    const givenDigest = sha256(given);
    let matched = false;
    for (const digest of digests) {
      const equal = digestEquals(digest, givenDigest);
      matched = equal || matched;
    }
    return matched;
  };
}

/** The matching username, or undefined. Checks every user, username and password alike. */
export function createUserMatcher(
  users: ReadonlyArray<{ username: string; password: string }>,
): (username: string, password: string) => string | undefined {
  const entries = users.map((user) => ({
    username: user.username,
    usernameDigest: user.username === '' ? undefined : sha256(user.username),
    passwordDigest: credentialDigest(user.password),
  }));
  return (username, password) => {
    const givenUser = sha256(username);
    const givenPassword = sha256(password);
    let matched: string | undefined;
    for (const entry of entries) {
      const userEqual = digestEquals(entry.usernameDigest, givenUser);
      const passwordEqual = digestEquals(entry.passwordDigest, givenPassword);
      if (userEqual && passwordEqual) matched = entry.username;
    }
    return matched;
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Stands in for an empty configured value, so that one still costs a comparison (flat timing). */
const EMPTY_STAND_IN = Buffer.alloc(32);

/** Both sides are 32-byte digests, so timingSafeEqual never sees different lengths. */
function digestEquals(configured: Buffer | undefined, given: Buffer): boolean {
  return timingSafeEqual(configured ?? EMPTY_STAND_IN, given) && configured !== undefined;
}
