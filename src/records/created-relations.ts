/**
 * Related records a write created (`create_missing` values) are removed again when every item that
 * needed them was refused: a request answered with a 4xx must leave nothing behind in Odoo. Records
 * an item may still use (saved, or its write's outcome unknown) stay.
 */
import { EndpointDef } from '../config/types';
import { MappingLookup } from '../mapping/fields-catalog';
import { collectRelationWants, relationKey } from '../mapping/relation-values';
import { OdooClient } from '../odoo/odoo-client';
import { odooModel } from '../odoo/odoo-model';
import { CreatedRelation } from './relation-resolver';
import { OpenItem, WriteItem } from './write-item';

/** A created record and the indexes of the items that name it. */
export interface CreatedFor {
  model: string;
  id: number;
  usedBy: readonly number[];
}

export function createdFor(
  endpoint: EndpointDef,
  lookup: MappingLookup,
  created: readonly CreatedRelation[],
  items: readonly OpenItem[],
): CreatedFor[] {
  if (created.length === 0) return [];
  const named = items.map((item) => ({
    index: item.index,
    wants: collectRelationWants(endpoint, [item.body], lookup),
  }));
  return created.map(({ model, match, value, id }) => ({
    model,
    id,
    usedBy: named
      .filter(({ wants }) => wants.get(relationKey(model, match))?.values.has(value))
      .map(({ index }) => index),
  }));
}

/**
 * Unlinks the created records no item kept (one `unlink` per model). Best effort: if Odoo refuses
 * (something linked them meanwhile) or fails, they stay, and the caller still gets its write's answer.
 */
export async function removeUnusedCreated(
  odoo: OdooClient,
  endpoint: EndpointDef,
  created: readonly CreatedFor[],
  written: readonly WriteItem[],
): Promise<void> {
  const kept = new Set(written.filter(mayUseRelated).map((item) => item.index));
  const unused = new Map<string, number[]>();
  for (const record of created) {
    if (record.usedBy.some((index) => kept.has(index))) continue;
    unused.set(record.model, [...(unused.get(record.model) ?? []), record.id]);
  }
  await Promise.all(
    [...unused].map(([model, ids]) =>
      odooModel(odoo, model, endpoint.context)
        .unlink(ids)
        .catch(() => undefined),
    ),
  );
}

/** Saved, still open, or sent without an answer (it may have been applied and link the record). */
function mayUseRelated(item: WriteItem): boolean {
  return item.settled === undefined || item.settled.ok || item.settled.unknown !== undefined;
}
