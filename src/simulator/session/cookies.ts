/** The cookies Odoo's session routes set, in Odoo's format (Max-Age 7 days, Expires a year out). */

const WEEK_S = 7 * 24 * 3600;
const YEAR_MS = 365 * 24 * 3600 * 1000;

const expires = (now: number): string => new Date(now + YEAR_MS).toUTCString();

export function sessionCookie(id: string, now: number): string {
  return `session_id=${id}; Expires=${expires(now)}; Max-Age=${WEEK_S}; HttpOnly; Path=/`;
}

/** Logging out clears the company selection cookie. */
export function clearedCidsCookie(now: number): string {
  return `cids=; Expires=${expires(now)}; Max-Age=0; Path=/`;
}

/** The `session_id` value of a Cookie header, if any. */
export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'session_id') return value.join('=');
  }
  return undefined;
}
