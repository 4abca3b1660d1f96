/**
 * Turns an Odoo fault string (often a Python traceback) into one short line a caller may read.
 * Pure. Nothing here may let through a traceback, a file path, SQL, a database host or a secret.
 */
const MAX_LENGTH = 300;
const GENERIC = 'Odoo reported an error';

/** `ValueError: `, `odoo.exceptions.UserError: `, `psycopg2.OperationalError: `... */
const EXCEPTION_PREFIX =
  /^(?:(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*|[A-Za-z_]\w*(?:Error|Exception|Warning|Denied|Failure|Fault|Interrupt|Violation))\s*:\s*/;
const FILE_LINE = /^File "/;
const HAS_WORD = /\p{L}{2}/u;
const SQL_DETAIL_LINE = /^(?:LINE \d+:|DETAIL:|CONTEXT:|HINT:|Traceback \(most recent call last\))/;
const SQL_START =
  /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM|ALTER TABLE|CREATE TABLE|DROP TABLE)\b[\s\S]*\b(?:FROM|SET|VALUES|WHERE|INTO|TABLE|ONLY)\b/;
const SQL_DETAIL = /\b(?:LINE \d+:|DETAIL:|CONTEXT:|HINT:)/;
const PG_SERVER = /connection to server (?:at|on) "[^"]*"(?:\s*\([^)]*\))?(?:,\s*port \d+)?(?: failed)?:?/g;
const UNIX_PATH = /(?:\/[\w.@~+-]+){2,}\/?/g;
const WINDOWS_PATH = /\b[A-Za-z]:\\[^\s'"]*/g;
const IP_ADDRESS = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g;

export function isTraceback(faultString: string): boolean {
  return faultString.includes('Traceback (most recent call last)');
}

/**
 * The line that says what went wrong: the last non-empty line of a traceback (where Python puts the
 * exception), else the first line (Odoo's UserError texts put details such as
 * `(Record: res.partner(999999,), User: 2)` on the following lines).
 */
export function readableFaultLine(faultString: string, secrets: readonly string[] = []): string {
  // PostgreSQL's errors end with `LINE 1: ...` and a caret under the culprit: words say more.
  const lines = faultString
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => HAS_WORD.test(line) && !FILE_LINE.test(line) && !SQL_DETAIL_LINE.test(line));
  const picked = (isTraceback(faultString) ? lines[lines.length - 1] : lines[0]) ?? '';
  return scrubMessage(firstOfTuple(picked.replace(EXCEPTION_PREFIX, '')), secrets);
}

/**
 * Exceptions raised with several arguments (RedirectWarning: message, action id, button text,
 * context) reach XML-RPC as Python's tuple repr `('You cannot…', 83, 'Go to users', {...})`:
 * the caller gets the message only.
 */
export function firstOfTuple(text: string): string {
  const match = /^\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*,/.exec(text);
  if (!match) return text;
  const quoted = match[1] ?? match[2] ?? '';
  return quoted.replace(/\\n/g, ' ').replace(/\\(.)/g, '$1');
}

/** Removes paths, SQL, database hosts and secrets; collapses whitespace; caps the length. */
export function scrubMessage(text: string, secrets: readonly string[] = []): string {
  let out = cutAt(cutAt(text, SQL_DETAIL), SQL_START);
  out = out.replace(PG_SERVER, 'connection to the database server failed:');
  out = out.replace(UNIX_PATH, '…').replace(WINDOWS_PATH, '…').replace(IP_ADDRESS, '…');
  for (const secret of secrets) {
    // Very short secrets would mangle every message; they are also not worth hiding from a log.
    if (secret.length >= 3) out = out.split(secret).join('***');
  }
  out = out.replace(/\s+/g, ' ').trim();
  if (out.length > MAX_LENGTH) out = `${out.slice(0, MAX_LENGTH - 1)}…`;
  // A line without words (a caret, dots) tells the caller nothing.
  return HAS_WORD.test(out) ? out : GENERIC;
}

function cutAt(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index).replace(/[\s:,-]+$/, '') : text;
}
