import winston from 'winston';
import { redact } from './redact';

/** winston's splat symbol holds the raw, unredacted arguments of the log call: never pass it on. */
const SPLAT = Symbol.for('splat');

/**
 * Runs `redact` over the whole entry (message included). Must come after every format that adds
 * fields and before the one that serialises, so nothing reaches the output unredacted.
 */
export const redactFormat = winston.format((info) => {
  const clean = redact(stringKeyedCopy(info)) as winston.Logform.TransformableInfo;
  for (const symbol of Object.getOwnPropertySymbols(info)) {
    if (symbol !== SPLAT) clean[symbol] = info[symbol];
  }
  return clean;
});

function stringKeyedCopy(info: winston.Logform.TransformableInfo): Record<string, unknown> {
  // `logger.error(err)` hands winston the Error itself as the entry; keep its message visible.
  const copy: Record<string, unknown> = { ...info };
  if (info instanceof Error) copy.message = info.message;
  return copy;
}
