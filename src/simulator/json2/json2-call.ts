/**
 * Binds a JSON-2 body (named arguments only) to a model method the way Odoo 19 does with
 * `inspect.signature(method).bind(records, **args)`: `ids` and `context` are taken out first, a model
 * method refuses ids, a missing required argument or an unknown one is a 422, an unknown model or
 * method a 404. `create` always answers a list of ids (a recordset), even for one dict.
 */
import { accessError } from '../orm/faults';
import type { ModelDef } from '../orm/field-types';
import { REQUIRED, type Args, type MethodSpec } from '../orm/method-spec';
import { METHODS, toIds } from '../orm/model-methods';
import type { Orm } from '../orm/orm';
import type { Registry } from '../orm/registry';
import { httpError, type Json2Error } from './json2-errors';

/** A routing or binding problem (the ORM's own exceptions stay OdooFaults). */
export class Json2Failure extends Error {
  constructor(readonly error: Json2Error) {
    super(error.fault.message);
  }
}

const fail = (error: Json2Error): never => {
  throw new Json2Failure(error);
};

export interface BoundCall {
  model: ModelDef;
  ids: number[];
  context: Args;
  /** Runs the method in the caller's environment (the context is applied here). */
  run(orm: Orm): unknown;
}

function lookup(
  registry: Registry,
  modelName: string,
  method: string,
): { model: ModelDef; spec: MethodSpec } {
  const model = registry.get(modelName);
  if (!model) {
    fail(
      httpError(404, `the model '${modelName}' does not exist`, {
        line: `KeyError: '${modelName}'`,
        link: 'cause',
      }),
    );
  }
  if (method.startsWith('_')) {
    throw accessError(`Private methods (such as '${modelName}.${method}') cannot be called remotely.`);
  }
  const action = model!.actions?.[method];
  const spec: MethodSpec | undefined = action
    ? { records: true, params: [], run: (orm, _m, ids) => action(orm, ids) }
    : METHODS[method];
  if (!spec) {
    const message = `The method '${modelName}.${method}' does not exist`;
    fail(httpError(404, message, { line: `AttributeError: ${message}`, link: 'cause' }));
  }
  return { model: model!, spec: spec! };
}

function bindNamed(spec: MethodSpec, args: Args): Args {
  const bound: Args = {};
  for (const [name, def] of spec.params) {
    if (name in args) bound[name] = args[name];
    else if (def === REQUIRED) typeFailure(`missing a required argument: '${name}'`);
    else bound[name] = def;
  }
  const unknown = Object.keys(args).find((key) => !spec.params.some(([name]) => name === key));
  if (unknown !== undefined) typeFailure(`got an unexpected keyword argument '${unknown}'`);
  return bound;
}

function typeFailure(message: string): never {
  return fail(httpError(422, message, { line: `TypeError: ${message}`, link: 'during' }));
}

export function bindJson2(registry: Registry, modelName: string, method: string, body: Args): BoundCall {
  const { ids: rawIds, context, ...args } = body;
  const { model, spec } = lookup(registry, modelName, method);
  const ids = toIds(rawIds ?? []);
  if (!spec.records && ids.length) {
    fail(httpError(422, `cannot call ${modelName}.${method} with ids`));
  }
  const bound = bindNamed(spec, args);
  if (method === 'create' && !Array.isArray(bound.vals_list)) bound.vals_list = [bound.vals_list];
  const ctx = context && typeof context === 'object' && !Array.isArray(context) ? (context as Args) : {};
  return { model, ids, context: ctx, run: (orm) => spec.run(orm.withContext(ctx), model, ids, bound) };
}
