/**
 * When a nested mapping line creates Odoo records: a one2many always does (`(0, 0, vals)`); a
 * many2one or many2many creates the nested objects its identifier does not find, unless the nested
 * mapping is an endpoint that does not enable POST (see records/nested-many2one.ts).
 */
import type { EndpointDef, FieldLine, MappingDef } from '../config/types';
import { RELATIONAL_TYPES } from '../mapping/odoo-field-meta';
import { writesToOdoo } from './line-checks';
import type { ModelCatalog } from './model-catalog';

function isEndpoint(mapping: MappingDef): mapping is EndpointDef {
  return 'methods' in mapping;
}

export function nestedLineCreates(
  parent: MappingDef,
  line: FieldLine,
  nested: MappingDef,
  catalog: ModelCatalog,
): boolean {
  const type = catalog.fields(parent.model)?.[line.field ?? '']?.type;
  if (type === undefined || !RELATIONAL_TYPES.has(type) || !writesToOdoo(line)) return false;
  if (type === 'one2many') return true;
  return !isEndpoint(nested) || nested.methods.includes('POST');
}
