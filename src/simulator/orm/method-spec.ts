/** How a public model method is described for argument binding (RPC positional+keyword, JSON-2 named). */
import type { ModelDef } from './field-types';
import type { Orm } from './orm';

/** A parameter without a default value. */
export const REQUIRED = Symbol('required');

export type Args = Record<string, unknown>;

export interface MethodSpec {
  /** A record method: the first argument is the ids (`call_kw` splits it off). */
  records: boolean;
  /** The parameters after `self`, in order, with their defaults. */
  params: ReadonlyArray<readonly [string, unknown]>;
  run(orm: Orm, model: ModelDef, ids: number[], a: Args): unknown;
}

export const pagination = (a: Args) => ({
  offset: typeof a.offset === 'number' ? a.offset : 0,
  limit: typeof a.limit === 'number' && a.limit > 0 ? a.limit : null,
  order: typeof a.order === 'string' && a.order.trim() ? a.order : null,
});
