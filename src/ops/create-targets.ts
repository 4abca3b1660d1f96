/**
 * Where records get created, for the required-fields check: the endpoint's own model (POST, or PUT
 * with upsert) and every nested mapping reached through a written x2many line, where Odoo fills the
 * inverse many2one (`order_id` of a sale order line) itself.
 */
import type { EndpointDef, FieldLine, MappingDef } from '../config/types';
import { X2MANY_TYPES } from '../mapping/odoo-field-meta';
import { endpointCreates } from './access-needs';
import { writesToOdoo } from './line-checks';
import type { ModelCatalog } from './model-catalog';

export interface CreateTarget {
  mapping: MappingDef;
  /** Fields written whatever the payload: endpoint `defaults`, the inverse of a one2many. */
  covered: ReadonlySet<string>;
  /** The line that creates nested records; undefined for the endpoint itself. */
  via?: { line: FieldLine; index: number };
}

export function createTargets(
  endpoint: EndpointDef,
  lookup: (name: string) => MappingDef | undefined,
  catalog: ModelCatalog,
): CreateTarget[] {
  if (!endpointCreates(endpoint)) return [];
  const targets: CreateTarget[] = [{ mapping: endpoint, covered: new Set(Object.keys(endpoint.defaults)) }];
  const seen = new Set<string>();
  const visit = (mapping: MappingDef): void => {
    mapping.fields.forEach((line, index) => {
      const nested = line.mapping === undefined ? undefined : lookup(line.mapping);
      const meta = catalog.fields(mapping.model)?.[line.field ?? ''];
      if (!nested || !meta || !X2MANY_TYPES.has(meta.type) || !writesToOdoo(line)) return;
      if (seen.has(`${mapping.name}\u0000${index}`)) return;
      seen.add(`${mapping.name}\u0000${index}`);
      const inverse = meta.type === 'one2many' && meta.relation_field ? [meta.relation_field] : [];
      targets.push({ mapping: nested, covered: new Set(inverse), via: { line, index } });
      visit(nested);
    });
  };
  visit(endpoint);
  return targets;
}
