import { MappingDef } from '../config/types';
import { ModelFields } from './odoo-field-meta';

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
