/**
 * Required Odoo fields on create: Odoo refuses a create that leaves a required field empty, unless it
 * fills the field itself (a default, a compute, a related or `_inherits` parent). Pure: the Odoo
 * defaults come from `default_get`, asked by the caller.
 */
import { linePath } from '../mapping/fields-catalog';
import type { FieldLine, MappingDef } from '../config/types';
import { writesToOdoo } from './line-checks';
import type { CheckedFieldMeta, CheckedModelFields } from './model-catalog';

/**
 * How Odoo fills a field itself on create, from its fields_get description, or undefined when it
 * does not: related (`related`), computed (a `compute` name where a server gives one, dependencies in
 * `depends`, or `store: false`, as a field without a column can only be computed).
 */
export function filledByOdoo(meta: CheckedFieldMeta): 'related' | 'computed' | undefined {
  if (meta.related) return 'related';
  if (meta.compute || (meta.depends?.length ?? 0) > 0 || meta.store === false) return 'computed';
  return undefined;
}

/**
 * Fields Odoo requires and will not fill by compute or relation. A required many2one whose name
 * starts the `related` path of writable fields is an `_inherits` parent (product.product's
 * product_tmpl_id): Odoo creates that record itself from the delegated values.
 */
export function requiredCandidates(fields: CheckedModelFields): string[] {
  const related = Object.values(fields)
    .filter((meta) => typeof meta.related === 'string' && !meta.readonly)
    .map((meta) => String(meta.related).split('.')[0]);
  return Object.entries(fields)
    .filter(([name, meta]) => {
      if (!meta.required || name === 'id' || filledByOdoo(meta) !== undefined) return false;
      return !(meta.type === 'many2one' && related.includes(name));
    })
    .map(([name]) => name)
    .sort();
}

export interface RequiredInput {
  mapping: MappingDef;
  fields: CheckedModelFields;
  /** Fields `default_get` gave a value for. */
  odooDefaults: ReadonlySet<string>;
  /** Fields written anyway: endpoint `defaults`, the inverse field of a nested one2many. */
  covered: ReadonlySet<string>;
}

function linesWriting(mapping: MappingDef, name: string): Array<{ line: FieldLine; index: number }> {
  return mapping.fields
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => writesToOdoo(line) && linePath(line)[0] === name);
}

function filledOutsideLines(input: RequiredInput, name: string): boolean {
  return input.odooDefaults.has(name) || input.covered.has(name);
}

/** Required fields that nothing fills: a create would be refused by Odoo. */
export function missingRequiredFields(input: RequiredInput): string[] {
  return requiredCandidates(input.fields).filter(
    (name) => !filledOutsideLines(input, name) && linesWriting(input.mapping, name).length === 0,
  );
}

/** Lines on required fields that a caller may leave out, with nothing else to fill the field. */
export function optionalLinesOnRequiredFields(
  input: RequiredInput,
): Array<{ line: FieldLine; index: number; name: string }> {
  return requiredCandidates(input.fields)
    .filter((name) => !filledOutsideLines(input, name))
    .flatMap((name) => {
      const lines = linesWriting(input.mapping, name);
      const filled = lines.some(
        ({ line }) => line.required || line.default !== undefined || line.value !== undefined,
      );
      return filled ? [] : lines.map((entry) => ({ ...entry, name }));
    });
}
