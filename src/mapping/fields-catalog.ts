import { MappingDef } from '../config/types';
import { ModelFields, OdooFieldMeta } from './odoo-field-meta';

/** fields_get of every model a request touches, fetched before the pure mapping functions run. */
export type FieldsCatalog = ReadonlyMap<string, ModelFields>;

/** Mappings by name, so nested `mapping:` lines can be followed. */
export type MappingLookup = (name: string) => MappingDef | undefined;

/** Every model a mapping reads or writes: its own, related models and nested mappings' (recursively). */
export function modelsOf(mapping: MappingDef, lookup: MappingLookup, seen = new Set<string>()): Set<string> {
  const models = new Set<string>([mapping.model]);
  if (seen.has(mapping.name)) return models;
  seen.add(mapping.name);
  for (const line of mapping.fields) {
    if (line.relation) models.add(line.relation.model);
    const nested = line.mapping ? lookup(line.mapping) : undefined;
    if (nested) for (const model of modelsOf(nested, lookup, seen)) models.add(model);
  }
  return models;
}

export function fieldsOf(catalog: FieldsCatalog, model: string): ModelFields {
  return catalog.get(model) ?? {};
}

/** The metadata of the field at the end of a dotted path (`partner_id.country_id.code`), through many2ones. */
export function fieldMetaAt(catalog: FieldsCatalog, model: string, path: string): OdooFieldMeta | undefined {
  const [first = '', ...rest] = path.split('.');
  let meta = fieldsOf(catalog, model)[first];
  for (const step of rest) {
    if (!meta?.relation) return undefined;
    meta = fieldsOf(catalog, meta.relation)[step];
  }
  return meta;
}

/** The first model along a dotted path whose fields the catalog lacks, so the caller can fetch it. */
export function missingPathModel(catalog: FieldsCatalog, model: string, path: string): string | undefined {
  const steps = path.split('.').slice(0, -1);
  let current = model;
  for (const step of steps) {
    const relation = fieldsOf(catalog, current)[step]?.relation;
    if (!relation) return undefined;
    if (!catalog.has(relation)) return relation;
    current = relation;
  }
  return undefined;
}
