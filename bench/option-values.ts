/** How each option's text becomes a value, refused with a message that says why (options.ts). */
import { DEFAULT_POSTGRES_URL } from './processes/store-postgres';
import type { BenchOptions, ReadPlan } from './options';

export class OptionsError extends Error {}

export function numberList(text: string, name: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new OptionsError(`--${name} takes a comma list of milliseconds, e.g. 0,10`);
  }
  return [...new Set(values)];
}

export function milliseconds(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new OptionsError(`--${name} takes milliseconds (0 or more)`);
  return value;
}

export function positive(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new OptionsError(`--${name} must be a positive number`);
  return value;
}

export function positiveInt(text: string | undefined, fallback: number, name: string): number {
  const value = positive(text, fallback, name);
  if (!Number.isInteger(value)) throw new OptionsError(`--${name} must be a whole number`);
  return value;
}

export function protocol(text: string | undefined): BenchOptions['gatewayProtocol'] {
  if (text === undefined || text === 'xmlrpc' || text === 'jsonrpc') return text;
  throw new OptionsError('--gateway-protocol is xmlrpc or jsonrpc');
}

export function readPlan(text: string | undefined): ReadPlan {
  if (text === undefined) return 'auto';
  if (text === 'auto' || text === 'classic' || text === 'web') return text;
  throw new OptionsError('--read-plan is auto, classic or web');
}

/** BENCH_POSTGRES_URL: a postgres:// URL of a server where a database may be created, or `off`. */
export function storePostgresUrl(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return DEFAULT_POSTGRES_URL;
  if (value === 'off') return undefined;
  if (!/^postgres(ql)?:\/\//.test(value))
    throw new OptionsError('BENCH_POSTGRES_URL is a postgres:// URL, or off');
  return value;
}
