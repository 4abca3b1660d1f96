/**
 * A many2one (or many2many) given as nested objects (`"customer": {"customer_id": "C-1001", "name": "…"}` through
 * `mapping: customers`): matched by the nested mapping's identifier with one `search_read` per nested
 * mapping for the whole request, and created when absent with one `create(vals_list)`, unless the
 * nested mapping is an endpoint that does not enable POST. The records created are reported with the
 * objects they stand for, so that those no saved write uses are removed again (created-relations.ts).
 */
import { EndpointDef, FieldLine, MappingDef } from '../config/types';
import { ErrorDetail, GatewayError } from '../errors/gateway-error';
import { FieldsCatalog, MappingLookup, fieldsOf } from '../mapping/fields-catalog';
import { RelationIds, asObjects } from '../mapping/relation-values';
import { toOdooVals } from '../mapping/to-odoo';
import { OdooRecord } from '../mapping/from-odoo';
import { OdooClient } from '../odoo/odoo-client';
import { odooModel } from '../odoo/odoo-model';
import { CreatedFor } from './created-relations';
import { SplitSender } from './split-sender';
import { OpenItem } from './write-item';

export interface NestedMany2oneRequest {
  odoo: OdooClient;
  mapping: MappingDef;
  bodies: readonly Record<string, unknown>[];
  catalog: FieldsCatalog;
  lookup: MappingLookup;
  relations: RelationIds;
  context: Record<string, unknown>;
}

/** Ids of nested objects by the object itself, and per-object errors (keyed by the object too). */
export interface NestedMany2oneResult {
  ids: WeakMap<object, number>;
  errors: WeakMap<object, ErrorDetail[]>;
  /** Objects whose create Odoo refused, with its error: only the bodies holding them fail. */
  refusals: WeakMap<object, GatewayError>;
  /** Records created here (not those found), with every object that stands for each. */
  created: Array<{ model: string; id: number; objects: object[] }>;
}

interface Pending {
  line: FieldLine;
  nested: MappingDef;
  objects: Record<string, unknown>[];
}

export async function resolveNestedMany2one(request: NestedMany2oneRequest): Promise<NestedMany2oneResult> {
  const result: NestedMany2oneResult = {
    ids: new WeakMap(),
    errors: new WeakMap(),
    refusals: new WeakMap(),
    created: [],
  };
  const fields = fieldsOf(request.catalog, request.mapping.model);
  const pending: Pending[] = [];
  for (const line of request.mapping.fields) {
    const nested = line.mapping ? request.lookup(line.mapping) : undefined;
    const type = line.field ? fields[line.field]?.type : undefined;
    if (!nested || (type !== 'many2one' && type !== 'many2many')) continue;
    const objects = request.bodies.flatMap((body) =>
      body[line.key] === undefined ? [] : asObjects(body[line.key]),
    );
    if (objects.length > 0) pending.push({ line, nested, objects });
  }
  await Promise.all(pending.map((entry) => resolveLine(request, entry, result)));
  return result;
}

async function resolveLine(request: NestedMany2oneRequest, entry: Pending, result: NestedMany2oneResult) {
  const { nested, objects } = entry;
  const identifier = nested.identifier;
  const match = identifier?.field;
  const found = new Map<string, number>();
  if (identifier && match) {
    const values = [...new Set(objects.map((object) => object[identifier.key]).filter(isMatchValue))];
    if (values.length > 0) {
      const domain = isEndpoint(nested) ? [...nested.domain] : [];
      const records = await odooModel(
        request.odoo,
        nested.model,
        contextOf(nested, request),
      ).searchRead<OdooRecord>([...domain, [match, 'in', values]], { fields: ['id', match], order: 'id' });
      for (const record of records) {
        const key = String(record[match]);
        if (!found.has(key) && typeof record.id === 'number') found.set(key, record.id);
      }
    }
  }
  const toCreate: Record<string, unknown>[] = [];
  // The same new identifier value twice in one request (a batch) creates one record, not two.
  const sameAs = new Map<Record<string, unknown>, Record<string, unknown>>();
  const firstByValue = new Map<string, Record<string, unknown>>();
  for (const object of objects) {
    const value = identifier ? object[identifier.key] : undefined;
    const id = isMatchValue(value) ? found.get(String(value)) : undefined;
    if (id !== undefined) {
      result.ids.set(object, id);
      continue;
    }
    const first = isMatchValue(value) ? firstByValue.get(String(value)) : undefined;
    if (first) sameAs.set(object, first);
    else {
      if (isMatchValue(value)) firstByValue.set(String(value), object);
      toCreate.push(object);
    }
  }
  if (toCreate.length === 0) return;
  try {
    await createOrRefuse(request, entry, toCreate, result);
  } finally {
    for (const [object, first] of sameAs) {
      const id = result.ids.get(first);
      if (id !== undefined) result.ids.set(object, id);
      const errors = result.errors.get(first);
      if (errors) result.errors.set(object, errors);
      const refusal = result.refusals.get(first);
      if (refusal) result.refusals.set(object, refusal);
      result.created.find((record) => record.objects.includes(first))?.objects.push(object);
    }
  }
}

async function createOrRefuse(
  request: NestedMany2oneRequest,
  entry: Pending,
  toCreate: Record<string, unknown>[],
  result: NestedMany2oneResult,
) {
  const { nested } = entry;
  const identifier = nested.identifier;
  if (isEndpoint(nested) && !nested.methods.includes('POST')) {
    for (const object of toCreate) {
      const value = identifier ? JSON.stringify(object[identifier.key]) : '(no identifier)';
      result.errors.set(object, [
        {
          line_id: entry.line.key,
          error: `no ${nested.name} record with ${identifier?.key ?? 'id'} ${value}`,
        },
      ]);
    }
    return;
  }
  await createObjects(request, entry, toCreate, result);
}

async function createObjects(
  request: NestedMany2oneRequest,
  entry: Pending,
  objects: Record<string, unknown>[],
  result: NestedMany2oneResult,
) {
  // A nested endpoint creates records as its own POST would: with its `defaults` (e.g. customer_rank),
  // so that the new record lies inside its domain and is found, not created again, next time.
  const defaults = isEndpoint(entry.nested) ? entry.nested.defaults : undefined;
  const context = {
    catalog: request.catalog,
    lookup: request.lookup,
    relations: request.relations,
    defaults,
  };
  const prepared = objects.map((object) => ({
    object,
    ...toOdooVals(entry.nested, object, 'create', context, `${entry.line.key}.`),
  }));
  const creatable = prepared.filter((item) => item.errors.length === 0);
  for (const item of prepared) if (item.errors.length > 0) result.errors.set(item.object, item.errors);
  if (creatable.length === 0) return;
  // Refused values are isolated by splitting the call, so that only the bodies holding them fail.
  const results = await new SplitSender(true).send(creatable, (part) =>
    odooModel(request.odoo, entry.nested.model, contextOf(entry.nested, request)).create(
      part.map((item) => item.vals),
    ),
  );
  creatable.forEach((item, position) => {
    const outcome = results[position];
    if (outcome?.ok && typeof outcome.value === 'number') {
      result.ids.set(item.object, outcome.value);
      result.created.push({ model: entry.nested.model, id: outcome.value, objects: [item.object] });
    } else if (outcome?.ok === false && outcome.why !== 'refused') throw outcome.error;
    else if (outcome?.ok === false) result.refusals.set(item.object, outcome.error);
  });
}

/** Odoo's refusal of a nested object `body` holds, if any. */
export function nestedRefusalFor(
  mapping: MappingDef,
  result: NestedMany2oneResult,
  body: Record<string, unknown>,
): GatewayError | undefined {
  for (const object of nestedObjectsOf(mapping, body)) {
    const refusal = result.refusals.get(object);
    if (refusal) return refusal;
  }
  return undefined;
}

/** The records created for nested objects, each with the indexes of the items holding its objects. */
export function nestedCreatedFor(
  mapping: MappingDef,
  result: NestedMany2oneResult,
  items: readonly OpenItem[],
): CreatedFor[] {
  if (result.created.length === 0) return [];
  const held = items.map((item) => ({ index: item.index, objects: nestedObjectsOf(mapping, item.body) }));
  return result.created.map(({ model, id, objects }) => ({
    model,
    id,
    usedBy: held
      .filter((item) => item.objects.some((object) => objects.includes(object)))
      .map(({ index }) => index),
  }));
}

function nestedObjectsOf(mapping: MappingDef, body: Record<string, unknown>): Record<string, unknown>[] {
  return mapping.fields.flatMap((line) =>
    line.mapping === undefined || body[line.key] === undefined ? [] : asObjects(body[line.key]),
  );
}

function isMatchValue(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function isEndpoint(mapping: MappingDef): mapping is EndpointDef {
  return 'methods' in mapping;
}

/** The nested endpoint's own Odoo context (e.g. its company) when it has one, else the request's. */
function contextOf(nested: MappingDef, request: NestedMany2oneRequest): Record<string, unknown> {
  return isEndpoint(nested) ? { ...request.context, ...nested.context } : request.context;
}
