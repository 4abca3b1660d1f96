/** Turns joi's validation details into ConfigProblems with the line of the key and a fix hint. */
import Joi from 'joi';
import { ConfigProblem } from './config-error';
import { didYouMean } from './did-you-mean';
import { formatKeyPath, KeyPath, YamlSource } from './yaml-source';

interface SchemaDescription {
  type?: string;
  keys?: Record<string, SchemaDescription>;
  items?: SchemaDescription[];
}

const descriptions = new WeakMap<Joi.Schema, SchemaDescription>();

function describe(schema: Joi.Schema): SchemaDescription {
  let description = descriptions.get(schema);
  if (!description) {
    description = schema.describe() as SchemaDescription;
    descriptions.set(schema, description);
  }
  return description;
}

/** Keys the schema allows for the object at `keyPath`, for "did you mean". */
export function allowedKeysAt(schema: Joi.Schema, keyPath: KeyPath): string[] {
  let node: SchemaDescription | undefined = describe(schema);
  for (const segment of keyPath) {
    node = typeof segment === 'number' ? node?.items?.[0] : node?.keys?.[segment];
  }
  return Object.keys(node?.keys ?? {});
}

function explain(detail: Joi.ValidationErrorItem, schema: Joi.Schema): { message: string; hint?: string } {
  const context = detail.context ?? {};
  const value: unknown = context.value;
  switch (detail.type) {
    case 'object.unknown': {
      const allowed = allowedKeysAt(schema, detail.path.slice(0, -1));
      const hint = didYouMean(String(context.key), allowed) ?? `allowed keys: ${allowed.join(', ')}`;
      return { message: 'unknown key', hint };
    }
    case 'any.only': {
      const valids = ((context.valids as unknown[] | undefined) ?? []).map(String);
      return { message: `must be one of ${valids.join(', ')}`, hint: didYouMean(String(value), valids) };
    }
    case 'any.required':
      return { message: detail.path.length === 0 ? 'file is empty' : 'is required' };
    case 'object.base':
      return { message: 'must be a mapping of keys (key: value)' };
    case 'array.base':
      return { message: 'must be a list' };
    case 'array.unique':
      return { message: 'is listed twice' };
    case 'object.missing':
      return {
        message:
          'a file starts with `endpoint: <name>` (an HTTP endpoint) or `mapping: <name>` (a nested mapping)',
      };
    case 'object.xor':
      return { message: 'a file has `endpoint` or `mapping`, not both' };
    default:
      return { message: detail.message };
  }
}

/** Validates, returning the value with defaults applied and every problem (abortEarly: false). */
export function validateWithSchema(
  schema: Joi.Schema,
  data: unknown,
  source: YamlSource,
): { value: unknown; problems: ConfigProblem[] } {
  const { value, error } = schema.validate(data, {
    abortEarly: false,
    convert: true,
    errors: { label: false },
  });
  const problems = (error?.details ?? []).map((detail): ConfigProblem => {
    // A conflict (both `endpoint` and `mapping`) is best shown on the second of the two keys.
    const peers = (detail.context?.peers as string[] | undefined) ?? [];
    const keyPath: KeyPath = detail.type === 'object.xor' ? [peers[1] ?? ''] : detail.path;
    return {
      file: source.file,
      line: source.lineOf(keyPath),
      key: formatKeyPath(keyPath),
      ...explain(detail, schema),
    };
  });
  return { value, problems: problems.map((p) => (p.hint === undefined ? withoutHint(p) : p)) };
}

function withoutHint(problem: ConfigProblem): ConfigProblem {
  const { hint: _hint, ...rest } = problem;
  return rest;
}
