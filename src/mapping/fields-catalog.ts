/**
 * The one place where models and dotted field paths (`partner_id.country_id.code`) are resolved:
 * records (reads and writes), ops (the consistency check) and docs all walk paths through here.
 */
import { FieldLine, MappingDef } from '../config/types';
import { ModelFields, OdooFieldMeta } from './odoo-field-meta';

/** fields_get of every model a request touches, fetched before the pure mapping functions run. */
export type FieldsCatalog = ReadonlyMap<string, ModelFields>;

/** Mappings by name, so nested `mapping:` lines can be followed. */
export type MappingLookup = (name: string) => MappingDef | undefined;

/** A model followed by a dotted path of field names. */
export interface FieldPath {
  model: string;
  path: readonly string[];
}

const splitPaths = new Map<string, readonly string[]>();

/** `partner_id.country_id.code` → its steps, split once per distinct text (config paths are few). */
export function pathOf(field: string): readonly string[] {
  let path = splitPaths.get(field);
  if (!path) {
    path = Object.freeze(field.split('.'));
    splitPaths.set(field, path);
  }
  return path;
}

/** The steps of a line's `field` (empty for pure `compute` lines). */
export function linePath(line: FieldLine): readonly string[] {
  return line.field ? pathOf(line.field) : [];
}

/** Where a path walk ended: on the last field, or where it could not go on (and why). */
export type PathWalk<M extends OdooFieldMeta = OdooFieldMeta> =
  /** `model` holds the last field; `models` are every model passed through, in order. */
  | { kind: 'found'; model: string; name: string; meta: M; models: readonly string[] }
  /** The fields of `model` are not known (not fetched yet, missing or unreadable). */
  | { kind: 'unknown-model'; model: string; index: number }
  | { kind: 'no-field'; model: string; name: string; index: number; known: readonly string[] }
  | { kind: 'not-relation'; model: string; name: string; meta: M; index: number };

/** Follows `path` from `model` through relations, with any source of field metadata. */
export function walkPath<M extends OdooFieldMeta>(
  fieldsOfModel: (model: string) => Readonly<Record<string, M>> | undefined,
  model: string,
  path: readonly string[],
): PathWalk<M> {
  const models: string[] = [];
  let current = model;
  for (const [index, name] of path.entries()) {
    const fields = fieldsOfModel(current);
    if (!fields) return { kind: 'unknown-model', model: current, index };
    models.push(current);
    const meta = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!meta) return { kind: 'no-field', model: current, name, index, known: Object.keys(fields) };
    if (index === path.length - 1) return { kind: 'found', model: current, name, meta, models };
    if (!meta.relation) return { kind: 'not-relation', model: current, name, meta, index };
    current = meta.relation;
  }
  return { kind: 'unknown-model', model: current, index: path.length };
}

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

/** The dotted paths of a mapping and of its nested mappings (recursively): their models are needed too. */
export function pathsOf(mapping: MappingDef, lookup: MappingLookup, seen = new Set<string>()): FieldPath[] {
  if (seen.has(mapping.name)) return [];
  seen.add(mapping.name);
  const paths: FieldPath[] = [];
  for (const line of mapping.fields) {
    const path = linePath(line);
    if (path.length > 1) paths.push({ model: mapping.model, path });
    const nested = line.mapping ? lookup(line.mapping) : undefined;
    if (nested) paths.push(...pathsOf(nested, lookup, seen));
  }
  return paths;
}

export function fieldsOf(catalog: FieldsCatalog, model: string): ModelFields {
  return catalog.get(model) ?? {};
}

function walkCatalog(catalog: FieldsCatalog, model: string, path: string | readonly string[]): PathWalk {
  return walkPath((name) => catalog.get(name), model, typeof path === 'string' ? pathOf(path) : path);
}

/** The metadata of the field at the end of a dotted path, through relations. */
export function fieldMetaAt(
  catalog: FieldsCatalog,
  model: string,
  path: string | readonly string[],
): OdooFieldMeta | undefined {
  const walk = walkCatalog(catalog, model, path);
  return walk.kind === 'found' ? walk.meta : undefined;
}

/** The first model along a dotted path whose fields the catalog lacks, so the caller can fetch it. */
export function missingPathModel(
  catalog: FieldsCatalog,
  model: string,
  path: string | readonly string[],
): string | undefined {
  const walk = walkCatalog(catalog, model, path);
  return walk.kind === 'unknown-model' ? walk.model : undefined;
}

/**
 * Fetches (through `fetch`, once per model) every model the paths pass through, step by step: each
 * step's relation is only known once the previous model's fields are.
 */
export async function completePaths<M extends OdooFieldMeta>(
  fieldsOfModel: (model: string) => Readonly<Record<string, M>> | undefined,
  fetch: (model: string) => Promise<unknown>,
  paths: readonly FieldPath[],
): Promise<void> {
  const fetching = new Map<string, Promise<unknown>>();
  const fetchOnce = (model: string) => {
    let pending = fetching.get(model);
    if (!pending) {
      pending = fetch(model);
      fetching.set(model, pending);
    }
    return pending;
  };
  await Promise.all(
    paths.map(async ({ model, path }) => {
      // A model still unknown once fetched (missing in Odoo) ends this path's walk.
      const tried = new Set<string>();
      for (;;) {
        const walk = walkPath(fieldsOfModel, model, path);
        if (walk.kind !== 'unknown-model' || tried.has(walk.model)) return;
        tried.add(walk.model);
        await fetchOnce(walk.model);
      }
    }),
  );
}
