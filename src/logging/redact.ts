/**
 * Removes secrets from anything about to be logged. Pure: returns a redacted deep copy and never
 * touches its input. Two nets, because secrets arrive both as structured values (a `password` key in
 * a body) and inside free text (an error message quoting a URL or an Authorization header).
 */
export const REDACTED = '[REDACTED]';

const SECRET_WORDS = 'password|passwd|secret|token|api[-_]?key|authorization|cookie|credential';
const SECRET_KEY = new RegExp(SECRET_WORDS, 'i');
/** Deeper structures and longer strings are cut: a log line is not a place for them, and it bounds the work. */
const MAX_DEPTH = 12;
const MAX_STRING = 16_384;

// Every repetition that can run after a variable-length prefix is bounded, so no input makes these
// patterns backtrack quadratically (log lines can hold attacker-chosen text).
/** `Basic dXNlcjpwYXNz`, `Bearer abc.def` (RFC 7235 token68). */
const AUTH_CREDENTIALS = /\b(Basic|Bearer)\s{1,8}[A-Za-z0-9\-._~+/]+=*/gi;
/** `https://user:pass@host` → `https://[REDACTED]@host`; stops at `/` so a path's `@` is left alone. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,30}:\/\/)[^\s/?#@]+@/gi;
/**
 * `password=hunter2`, `api-key: x`, `access_token=…&` in query strings, `"password": "two words"` in
 * (even escaped) JSON text. Group 2 is the value; a quoted value runs to its closing quote.
 */
const KEY_VALUE = new RegExp(
  `((?:${SECRET_WORDS})[\\w-]{0,40}\\\\?["']?[ \\t]{0,4}[=:][ \\t]{0,4})` +
    `(\\\\?"[^"\\\\]{0,256}|'[^']{0,256}|[^\\s&"',;}\\\\]+)`,
  'gi',
);
const OPENING_QUOTE = /^\\?["']?/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function redactString(text: string): string {
  const bounded = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[truncated]` : text;
  return bounded
    .replace(AUTH_CREDENTIALS, `$1 ${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(KEY_VALUE, redactKeyValue);
}

function redactKeyValue(all: string, key: string, value: string, offset: number, text: string): string {
  // `Authorization: Basic [REDACTED]` was already handled by AUTH_CREDENTIALS: keep the scheme word.
  if (/^(basic|bearer)$/i.test(value) && text.startsWith(` ${REDACTED}`, offset + all.length)) return all;
  return `${key}${OPENING_QUOTE.exec(value)?.[0] ?? ''}${REDACTED}`;
}

export function redact(value: unknown): unknown {
  return redactValue(value, new Set<object>(), 0);
}

function redactValue(value: unknown, ancestors: Set<object>, depth: number): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  ancestors.add(value);
  try {
    return redactObject(value, ancestors, depth + 1);
  } finally {
    // Only ancestors count as cycles: the same object reached twice by two paths is logged twice.
    ancestors.delete(value);
  }
}

function redactObject(value: object, ancestors: Set<object>, depth: number): unknown {
  const recurse = (inner: unknown): unknown => redactValue(inner, ancestors, depth);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[Binary ${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map(recurse);
  if (value instanceof Error) return redactError(value, recurse);
  if (value instanceof Map)
    return redactEntries(
      [...value].map(([k, v]) => [String(k), v]),
      recurse,
    );
  if (value instanceof Set) return [...value].map(recurse);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return recurse(toJSON.call(value));
  return redactEntries(Object.entries(value), recurse);
}

function redactEntries(
  entries: Array<[string, unknown]>,
  recurse: (inner: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of entries) {
    out[key] = isSecretKey(key) && inner !== null && inner !== undefined ? REDACTED : recurse(inner);
  }
  return out;
}

/**
 * An Error becomes `{ name, message, ...its own enumerable fields }`. The stack and `cause` are left
 * out on purpose: a cause may carry an Odoo traceback. Whoever wants a stack in a log line (the
 * error handler, for a 500) passes it explicitly.
 */
function redactError(error: Error, recurse: (inner: unknown) => unknown): Record<string, unknown> {
  const fields = redactEntries(
    Object.entries(error).filter(([key]) => key !== 'stack' && key !== 'cause'),
    recurse,
  );
  return { name: error.name, message: redactString(error.message), ...fields };
}
