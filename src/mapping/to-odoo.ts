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

export interface ToOdooContext {
  catalog: FieldsCatalog;
  lookup: MappingLookup;
  relations: RelationIds;
  /** `compute_in` results for this body, by line key. */
  computed?: ReadonlyMap<string, unknown>;
  /** Endpoint-level Odoo `defaults`, written on create under the mapped values. */
  defaults?: Readonly<Record<string, unknown>>;
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
    const converted = convertLine(line, meta, value, context, lineId, errors);
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
  if (line.mapping && value !== null) {
    const nested = context.lookup(line.mapping);
    if (!nested) return undefined;
    if (!isMany) return undefined; // nested many2one objects are resolved to ids by the record service
    return asObjects(value).map((item, index) => {
      const { vals, errors: nestedErrors } = toOdooVals(
        nested,
        item,
        'create',
        context,
        `${lineId}[${index}].`,
      );
      errors.push(...nestedErrors);
      return [0, 0, vals];
    });
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
