/**
 * The `web_read` / `web_search_read` specification of a mapping (Odoo 17+): everything a GET renders,
 * relations included, in ONE Odoo call. Relation match values, nested mappings and dotted paths become
 * nested specs of the related model; many2ones always bring `display_name`, so that the flattened
 * answer (web-records.ts) has the `[id, name]` pairs a classic `read` gives.
 */
import { FieldLine, MappingDef } from '../config/types';
import { OdooSpecification } from '../odoo/odoo-model';
import { expressionFieldNames } from './expressions';
import { FieldsCatalog, MappingLookup, fieldsOf, linePath } from './fields-catalog';
import { isReadableLine } from './writable-lines';

/** Nested mappings deeper than this are cut (a mapping may nest itself), as the classic plan does. */
const MAX_DEPTH = 8;

/** A model and what to read of it: per field, nothing more (`null`) or the spec of its related records. */
export interface ReadSpec {
  model: string;
  fields: Map<string, ReadSpec | null>;
}

/** What to read of `mapping` (only `keys` at the top, when given) and of everything it relates to. */
export function buildReadSpec(
  mapping: MappingDef,
  catalog: FieldsCatalog,
  lookup: MappingLookup,
  keys?: ReadonlySet<string>,
  depth = 0,
): ReadSpec {
  const spec: ReadSpec = { model: mapping.model, fields: new Map() };
  for (const line of mapping.fields) {
    if (!isReadableLine(line) || (keys && !keys.has(line.key))) continue;
    if (line.compute !== undefined) addExpressionFields(spec, line.compute, catalog);
    if (line.field) addLine(spec, line, catalog, lookup, depth);
  }
  return spec;
}

/** The specification as Odoo takes it. */
export function toOdooSpecification(spec: ReadSpec): OdooSpecification {
  const out: OdooSpecification = {};
  for (const [name, related] of spec.fields) {
    out[name] = related ? { fields: toOdooSpecification(related) } : {};
  }
  return out;
}

function addLine(
  spec: ReadSpec,
  line: FieldLine,
  catalog: FieldsCatalog,
  lookup: MappingLookup,
  depth: number,
): void {
  const [root = '', ...rest] = linePath(line);
  if (root === 'id') return; // always in the answer
  const model = line.relation?.model ?? fieldsOf(catalog, spec.model)[root]?.relation;
  const nested = line.mapping ? lookup(line.mapping) : undefined;
  if (!model) return addLeaf(spec, root, catalog);
  if (nested && depth < MAX_DEPTH) {
    mergeInto(
      child(spec, root, model, catalog),
      buildReadSpec(nested, catalog, lookup, undefined, depth + 1),
    );
  } else if (rest.length > 0) {
    addPath(child(spec, root, model, catalog), rest, catalog);
  } else if (line.relation) {
    addLeaf(child(spec, root, model, catalog), line.relation.match, catalog);
  } else {
    addLeaf(spec, root, catalog);
  }
}

/** `country_id.code` read from res.partner: `{country_id: {fields: {code: {}, display_name: {}}}}`. */
function addPath(spec: ReadSpec, path: readonly string[], catalog: FieldsCatalog): void {
  const [first = '', ...rest] = path;
  const model = fieldsOf(catalog, spec.model)[first]?.relation;
  if (rest.length === 0 || !model) return addLeaf(spec, first, catalog);
  addPath(child(spec, first, model, catalog), rest, catalog);
}

/** A field read as is; a many2one as `[id, name]`, the shape every consumer of a classic read knows. */
function addLeaf(spec: ReadSpec, field: string, catalog: FieldsCatalog): void {
  if (field === 'id' || field === '') return;
  const meta = fieldsOf(catalog, spec.model)[field];
  if (meta?.type === 'many2one' && meta.relation) child(spec, field, meta.relation, catalog);
  else if (!spec.fields.has(field)) spec.fields.set(field, null);
}

/** Fields a `compute` expression reads, when they are fields of the model (not JSONata variables). */
function addExpressionFields(spec: ReadSpec, expression: string, catalog: FieldsCatalog): void {
  const known = fieldsOf(catalog, spec.model);
  for (const name of expressionFieldNames(expression)) {
    if (Object.hasOwn(known, name)) addLeaf(spec, name, catalog);
  }
}

/**
 * The spec of `field`'s related records, created on first use; two lines on one field (`partner_id`
 * and `partner_id.country_id.code`) share it, reading the union of both. A many2one's also reads
 * `display_name`, for the `[id, name]` pair.
 */
function child(spec: ReadSpec, field: string, model: string, catalog: FieldsCatalog): ReadSpec {
  const existing = spec.fields.get(field);
  if (existing) return existing;
  const related: ReadSpec = { model, fields: new Map() };
  if (fieldsOf(catalog, spec.model)[field]?.type === 'many2one') related.fields.set('display_name', null);
  spec.fields.set(field, related);
  return related;
}

function mergeInto(target: ReadSpec, source: ReadSpec): void {
  for (const [name, sub] of source.fields) {
    const existing = target.fields.get(name);
    if (sub && existing) mergeInto(existing, sub);
    else if (sub || !target.fields.has(name)) target.fields.set(name, sub);
  }
}
