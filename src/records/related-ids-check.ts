/**
 * Relations given as Odoo ids (`user: 7`, `tag_ids: [3, 4]`) must name existing records. Odoo would
 * answer a missing one with a foreign-key error or a MissingError (a 404) that names no key, after
 * related records may already have been created for the write. One `search_read` per related model
 * for the whole request; archived records count (linking to one is valid). Ids inside nested objects
 * (`lines[1].product`) are checked in the same calls.
 */
import { EndpointDef, MappingDef } from '../config/types';
import { ValidationError } from '../errors/errors';
import { ErrorDetail } from '../errors/gateway-error';
import { FieldsCatalog, MappingLookup, fieldsOf } from '../mapping/fields-catalog';
import { nestedObjectsAt } from '../mapping/nested-objects';
import { RELATIONAL_TYPES } from '../mapping/odoo-field-meta';
import { isWritableLine } from '../mapping/writable-lines';
import { OdooClient } from '../odoo/odoo-client';
import { odooModel } from '../odoo/odoo-model';
import { WriteItem, failed, mapOpen, openItems } from './write-item';

/** Ids a body gives for one line, at the `line_id` a caller sees (`lines[1].product`). */
interface IdRef {
  lineId: string;
  model: string;
  ids: number[];
}

interface Walk {
  catalog: FieldsCatalog;
  lookup: MappingLookup;
}

/** Fails the open items that name a related id no record has, each with every such key at once. */
export async function refuseMissingIds(
  odoo: OdooClient,
  endpoint: EndpointDef,
  walk: Walk,
  items: readonly WriteItem[],
): Promise<WriteItem[]> {
  const open = openItems(items);
  const refs = new Map(open.map((item) => [item.index, idRefsIn(endpoint, item.body, walk, '')]));
  const wanted = new Map<string, Set<number>>();
  for (const { model, ids } of [...refs.values()].flat()) {
    const set = wanted.get(model) ?? new Set<number>();
    for (const id of ids) set.add(id);
    wanted.set(model, set);
  }
  if (wanted.size === 0) return [...items];
  const existing = await existingIds(odoo, endpoint, wanted);
  return mapOpen(items, (item) => {
    const problems = missingIn(refs.get(item.index) ?? [], existing);
    return problems.length > 0 ? failed(item, ValidationError.fromDetails(problems)) : item;
  });
}

/** Plain id lines of `mapping` in `body`, and those of the nested objects it holds (order lines...). */
function idRefsIn(mapping: MappingDef, body: Record<string, unknown>, walk: Walk, prefix: string): IdRef[] {
  const fields = fieldsOf(walk.catalog, mapping.model);
  return mapping.fields.flatMap((line) => {
    const nested = line.mapping === undefined ? undefined : walk.lookup(line.mapping);
    if (nested) {
      return nestedObjectsAt(body[line.key], `${prefix}${line.key}`).flatMap((inner) =>
        idRefsIn(nested, inner.object, walk, `${inner.lineId}.`),
      );
    }
    const meta = line.field ? fields[line.field] : undefined;
    const plain = !line.relation && line.computeIn === undefined && line.value === undefined;
    if (!plain || !isWritableLine(line) || !meta?.relation || !RELATIONAL_TYPES.has(meta.type)) return [];
    const ids = idsIn(body[line.key]);
    return ids.length > 0 ? [{ lineId: `${prefix}${line.key}`, model: meta.relation, ids }] : [];
  });
}

function idsIn(value: unknown): number[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is number => typeof item === 'number' && Number.isInteger(item));
}

async function existingIds(
  odoo: OdooClient,
  endpoint: EndpointDef,
  wanted: ReadonlyMap<string, ReadonlySet<number>>,
): Promise<Map<string, Set<number>>> {
  const existing = new Map<string, Set<number>>();
  await Promise.all(
    [...wanted].map(async ([model, ids]) => {
      if (ids.size === 0) return;
      const context = { ...endpoint.context, active_test: false };
      const records = await odooModel(odoo, model, context).searchRead<{ id: number }>(
        [['id', 'in', [...ids]]],
        { fields: ['id'] },
      );
      existing.set(model, new Set(records.map((record) => record.id)));
    }),
  );
  return existing;
}

function missingIn(
  refs: readonly IdRef[],
  existing: ReadonlyMap<string, ReadonlySet<number>>,
): ErrorDetail[] {
  return refs.flatMap(({ lineId, model, ids }) => {
    const missing = ids.filter((id) => !existing.get(model)?.has(id));
    if (missing.length === 0) return [];
    return [{ line_id: lineId, error: `no ${model} with id ${missing.join(', ')}` }];
  });
}
