import winston from 'winston';
import { currentContext } from '../context/request-context';
import { redact } from './redact';

/** winston's splat symbol holds the raw, unredacted arguments of the log call: never pass it on. */
const SPLAT = Symbol.for('splat');

/**
 * Adds `request_id` to every entry written while a request is being served, so any
 * `logger.info(...)` deep in a handler or in the Odoo client is traceable without passing a child
 * logger around.
 */
export const requestContextFormat = winston.format((info) => {
  const context = currentContext();
  if (context && info.request_id === undefined) info.request_id = context.requestId;
  return info;
});

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
