/**
 * The one validation pass of every write body: the endpoint's input schema for the item's mode (a
 * create must carry every `required` key, an update only what it changes), then its `compute_in`
 * expressions. A valid item leaves with its computed values; an invalid one fails with every problem
 * at once. Asks Odoo nothing (field types come from the fields catalog).
 */
import Joi from 'joi';
import { EndpointDef, MappingDef } from '../config/types';
import { MAX_LISTED_PROBLEMS, ValidationError } from '../errors/errors';
import { ErrorDetail } from '../errors/gateway-error';
import { ExpressionError, evaluateExpression } from '../mapping/expressions';
import { FieldsCatalog, MappingLookup } from '../mapping/fields-catalog';
import { WriteMode, buildInputSchema, unknownKeysOf, validateWithSchema } from '../mapping/input-schema';
import { OpenItem, WriteItem, failed, isOpen } from './write-item';

/**
 * Input schemas by endpoint and mode. They depend on the endpoint (a new object after every reload)
 * and on Odoo field types (stable while the gateway runs), so each is built once, not per request.
 * One per app, created with it.
 */
export class InputSchemaCache {
  private readonly schemas = new WeakMap<EndpointDef, Map<WriteMode, Joi.ObjectSchema>>();

  schemaFor(endpoint: EndpointDef, mode: WriteMode, catalog: FieldsCatalog, lookup: MappingLookup) {
    let byMode = this.schemas.get(endpoint);
    if (!byMode) {
      byMode = new Map();
      this.schemas.set(endpoint, byMode);
    }
    let schema = byMode.get(mode);
    if (!schema) {
      schema = buildInputSchema(endpoint, mode, { catalog, lookup, unknownKeys: endpoint.unknownKeys });
      byMode.set(mode, schema);
    }
    return schema;
  }
}

export interface ValidationContext {
  endpoint: EndpointDef;
  catalog: FieldsCatalog;
  lookup: MappingLookup;
  schemas: InputSchemaCache;
}

/** Validates each open item in `modeOf(item)`; settled items pass through. */
export async function validateItems(
  context: ValidationContext,
  items: readonly WriteItem[],
  modeOf: (item: OpenItem) => WriteMode,
): Promise<WriteItem[]> {
  return Promise.all(items.map((item) => (isOpen(item) ? validateItem(context, item, modeOf(item)) : item)));
}

async function validateItem(context: ValidationContext, item: OpenItem, mode: WriteMode): Promise<WriteItem> {
  const { endpoint, catalog, lookup, schemas } = context;
  const unknown =
    endpoint.unknownKeys === 'reject'
      ? unknownKeysOf(endpoint, item.body, MAX_LISTED_PROBLEMS, lookup)
      : { problems: [], total: 0 };
  // Past the cap the answer is the same whatever joi adds, and joi would block the event loop for seconds.
  if (unknown.total > MAX_LISTED_PROBLEMS) {
    return failed(
      item,
      ValidationError.fromDetails(unknown.problems, unknown.total - unknown.problems.length),
    );
  }
  const problems = validateWithSchema(schemas.schemaFor(endpoint, mode, catalog, lookup), item.body);
  const unseen = unknown.problems.filter((problem) => !problems.some((p) => p.line_id === problem.line_id));
  if (problems.length + unseen.length > 0) {
    return failed(item, ValidationError.fromDetails([...problems, ...unseen]));
  }
  const computed = await computeInputs(endpoint, item.body);
  if (computed.problems.length > 0) return failed(item, ValidationError.fromDetails(computed.problems));
  return { ...item, computed: computed.values };
}

async function computeInputs(mapping: MappingDef, body: Record<string, unknown>) {
  const values = new Map<string, unknown>();
  const problems: ErrorDetail[] = [];
  for (const line of mapping.fields) {
    if (line.computeIn === undefined) continue;
    try {
      values.set(line.key, await evaluateExpression(line.computeIn, body));
    } catch (error) {
      const message = error instanceof ExpressionError ? error.message : 'expression failed';
      problems.push({ line_id: line.key, error: message });
    }
  }
  return { values, problems };
}
