/**
 * A validated request body → Odoo values for create/write. Pure: relations were resolved beforehand
 * (RelationIds) and `compute_in` expressions evaluated beforehand (`computed`), so that this step
 * cannot fail on I/O and reports every unresolvable value at once.
 */
import { FieldLine, MappingDef } from '../config/types';
import { ErrorDetail } from '../errors/gateway-error';
import { FieldsCatalog, MappingLookup, fieldsOf } from './fields-catalog';
import { OdooFieldMeta, X2MANY_TYPES } from './odoo-field-meta';
import { idsToCommands, toOdooValue } from './odoo-values';
import { MatchValue, RelationIds, asObjects } from './relation-values';
import { isWritableLine } from './writable-lines';
import { WriteMode } from './input-schema';

/** A record's current one2many lines: their ids and, by nested identifier value, their id. */
export interface ExistingLines {
  ids: number[];
  byValue: Map<string, number>;
}

export interface ToOdooContext {
  catalog: FieldsCatalog;
  lookup: MappingLookup;
  relations: RelationIds;
  /** `compute_in` results for this body, by line key. */
  computed?: ReadonlyMap<string, unknown>;
  /** Endpoint-level Odoo `defaults`, written on create under the mapped values. */
  defaults?: Readonly<Record<string, unknown>>;
  /** Ids of nested many2one/many2many objects, matched or created beforehand (nested-many2one.ts). */
  nestedIds?: WeakMap<object, number>;
  nestedErrors?: WeakMap<object, ErrorDetail[]>;
}

export interface OdooVals {
  vals: Record<string, unknown>;
  errors: ErrorDetail[];
}

export function toOdooVals(
  mapping: MappingDef,
  body: Record<string, unknown>,
  mode: WriteMode,
  context: ToOdooContext,
  linePrefix = '',
): OdooVals {
  const fields = fieldsOf(context.catalog, mapping.model);
  const vals: Record<string, unknown> = mode === 'create' ? { ...context.defaults } : {};
  const errors: ErrorDetail[] = [];
  for (const line of mapping.fields) {
    if (!line.field) continue;
    const lineId = `${linePrefix}${line.key}`;
    if (line.value !== undefined) {
      vals[line.field] = line.value;
      continue;
    }
    if (!isWritableLine(line)) continue;
    let value = line.computeIn !== undefined ? context.computed?.get(line.key) : body[line.key];
    if (value === undefined && mode === 'create') value = line.default;
    if (value === undefined) continue;
    const meta = fields[line.field];
    const converted = line.mapping
      ? convertNested(line, meta, value, mode, context, lineId, errors)
      : convertLine(line, meta, value, context, lineId, errors);
    if (converted !== undefined) vals[line.field] = converted;
  }
  return { vals, errors };
}

function convertLine(
  line: FieldLine,
  meta: OdooFieldMeta | undefined,
  value: unknown,
  context: ToOdooContext,
  lineId: string,
  errors: ErrorDetail[],
): unknown {
  const isMany = meta !== undefined && X2MANY_TYPES.has(meta.type);
  const x2many = line.x2many ?? (meta?.type === 'one2many' ? 'add' : 'replace');
  if (line.computeIn !== undefined) return value;
  if (line.relation && value !== null) {
    const ids = resolveMatches(line, value, context.relations, lineId, errors);
    if (ids === undefined) return undefined;
    return isMany ? idsToCommands(ids, x2many) : ids[0];
  }
  return toOdooValue(value, meta, x2many);
}

function resolveMatches(
  line: FieldLine,
  value: unknown,
  relations: RelationIds,
  lineId: string,
  errors: ErrorDetail[],
): number[] | undefined {
  const relation = line.relation;
  if (!relation) return undefined;
  const ids: number[] = [];
  const missing: MatchValue[] = [];
  for (const item of (Array.isArray(value) ? value : [value]) as MatchValue[]) {
    const id = relations.idFor(relation.model, relation.match, item);
    if (id === undefined) missing.push(item);
    else ids.push(id);
  }
  if (missing.length > 0) {
    const list = missing.map((item) => JSON.stringify(item)).join(', ');
    errors.push({ line_id: lineId, error: `no ${relation.model} with ${relation.match} ${list}` });
    return undefined;
  }
  return ids;
}

/** Nested objects: many2one/many2many by their resolved ids, one2many as line commands. */
function convertNested(
  line: FieldLine,
  meta: OdooFieldMeta | undefined,
  value: unknown,
  mode: WriteMode,
  context: ToOdooContext,
  lineId: string,
  errors: ErrorDetail[],
): unknown {
  const nested = line.mapping ? context.lookup(line.mapping) : undefined;
  const isMany = meta !== undefined && X2MANY_TYPES.has(meta.type);
  if (value === null) return toOdooValue(null, meta, 'replace');
  if (!nested) return undefined;
  const objects = asObjects(value);
  if (meta?.type !== 'one2many') {
    const ids: number[] = [];
    for (const object of objects) {
      const id = context.nestedIds?.get(object);
      if (id !== undefined) ids.push(id);
      else
        errors.push(
          ...(context.nestedErrors?.get(object) ?? [{ line_id: lineId, error: 'could not be resolved' }]),
        );
    }
    if (ids.length !== objects.length) return undefined;
    return isMany ? idsToCommands(ids, line.x2many ?? 'replace') : ids[0];
  }
  const lines = objects.map((object, index) => {
    const result = toOdooVals(nested, object, 'create', withoutChildren(context), `${lineId}[${index}].`);
    errors.push(...result.errors);
    return { object, vals: result.vals };
  });
  if (mode === 'create' || (line.x2many ?? 'add') === 'add') return lines.map(({ vals }) => [0, 0, vals]);
  // The record's current lines are not known here: clear-then-add says "replace"; once the record is
  // known, refineReplaceLines (records/existing-children.ts) turns it into update/add/remove commands.
  return [[5, 0, 0], ...lines.map(({ vals }) => [0, 0, vals])];
}

/** x2many replace on update: update lines whose identifier matches, add new ones, remove the rest. */
export function replaceCommands(
  nested: MappingDef,
  lines: { object: Record<string, unknown>; vals: Record<string, unknown> }[],
  existing: ExistingLines,
): unknown[] {
  const key = nested.identifier?.key;
  const kept = new Set<number>();
  const commands: unknown[] = lines.map(({ object, vals }) => {
    const value = key ? object[key] : undefined;
    const id =
      typeof value === 'string' || typeof value === 'number'
        ? existing.byValue.get(String(value))
        : undefined;
    if (id === undefined || kept.has(id)) return [0, 0, vals];
    kept.add(id);
    return [1, id, vals];
  });
  for (const id of existing.ids) if (!kept.has(id)) commands.push([2, id]);
  return commands;
}

function withoutChildren(context: ToOdooContext): ToOdooContext {
  return { ...context, defaults: undefined, computed: undefined };
}
