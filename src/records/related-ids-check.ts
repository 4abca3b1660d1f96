/**
 * Relations given as Odoo ids (`user: 7`, `tag_ids: [3, 4]`) must name existing records. Odoo would
 * answer a missing one with a foreign-key error or a MissingError (a 404) that names no key, after
 * related records may already have been created for the write. One `search_read` per related model
 * for the whole request; archived records count (linking to one is valid).
 */
import { EndpointDef, FieldLine } from '../config/types';
import { ValidationError } from '../errors/errors';
import { ErrorDetail } from '../errors/gateway-error';
import { FieldsCatalog, fieldsOf } from '../mapping/fields-catalog';
import { RELATIONAL_TYPES } from '../mapping/odoo-field-meta';
import { isWritableLine } from '../mapping/writable-lines';
import { OdooClient } from '../odoo/odoo-client';
import { odooModel } from '../odoo/odoo-model';
import { OpenItem, WriteItem, failed, mapOpen, openItems } from './write-item';

interface IdLine {
  line: FieldLine;
  model: string;
}

/** Fails the open items that name a related id no record has, each with every such key at once. */
export async function refuseMissingIds(
  odoo: OdooClient,
  endpoint: EndpointDef,
  catalog: FieldsCatalog,
  items: readonly WriteItem[],
): Promise<WriteItem[]> {
  const lines = idLines(endpoint, catalog);
  const open = openItems(items);
  if (lines.length === 0 || open.length === 0) return [...items];
  const wanted = new Map<string, Set<number>>();
  for (const item of open) {
    for (const { line, model } of lines) {
      const ids = wanted.get(model) ?? new Set<number>();
      for (const id of idsIn(item.body[line.key])) ids.add(id);
      wanted.set(model, ids);
    }
  }
  const existing = await existingIds(odoo, endpoint, wanted);
  return mapOpen(items, (item) => {
    const problems = missingIn(item, lines, existing);
    return problems.length > 0 ? failed(item, ValidationError.fromDetails(problems)) : item;
  });
}

function idLines(endpoint: EndpointDef, catalog: FieldsCatalog): IdLine[] {
  const fields = fieldsOf(catalog, endpoint.model);
  return endpoint.fields.flatMap((line) => {
    const meta = line.field ? fields[line.field] : undefined;
    const plain = !line.relation && !line.mapping && line.computeIn === undefined && line.value === undefined;
    if (!plain || !isWritableLine(line) || !meta?.relation || !RELATIONAL_TYPES.has(meta.type)) return [];
    return [{ line, model: meta.relation }];
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
  item: OpenItem,
  lines: readonly IdLine[],
  existing: ReadonlyMap<string, ReadonlySet<number>>,
): ErrorDetail[] {
  return lines.flatMap(({ line, model }) => {
    const missing = idsIn(item.body[line.key]).filter((id) => !existing.get(model)?.has(id));
    if (missing.length === 0) return [];
    return [{ line_id: line.key, error: `no ${model} with id ${missing.join(', ')}` }];
  });
}
