/**
 * Where records get created, for the required-fields check: the endpoint's own model (POST, or PUT
 * with upsert) and every nested mapping whose line creates records (nested-creates.ts); through a
 * one2many, Odoo fills the inverse many2one (`order_id` of a sale order line) itself. The fields a
 * mapping's `odoo_fills` names count as written, whichever way its records are created.
 */
import type { EndpointDef, FieldLine, MappingDef } from '../config/types';
import { endpointCreates } from './access-needs';
import type { ModelCatalog } from './model-catalog';
import { nestedLineCreates } from './nested-creates';

export interface CreateTarget {
  mapping: MappingDef;
  /** Fields filled whatever the payload: endpoint `defaults`, the inverse of a one2many, `odoo_fills`. */
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
  const targets: CreateTarget[] = [
    { mapping: endpoint, covered: new Set([...Object.keys(endpoint.defaults), ...endpoint.odooFills]) },
  ];
  const seen = new Set<string>();
  const visit = (mapping: MappingDef): void => {
    mapping.fields.forEach((line, index) => {
      const nested = line.mapping === undefined ? undefined : lookup(line.mapping);
      const meta = catalog.fields(mapping.model)?.[line.field ?? ''];
      if (!nested || !meta || !nestedLineCreates(mapping, line, nested, catalog)) return;
      if (seen.has(`${mapping.name}\u0000${index}`)) return;
      seen.add(`${mapping.name}\u0000${index}`);
      const inverse = meta.type === 'one2many' && meta.relation_field ? [meta.relation_field] : [];
      targets.push({ mapping: nested, covered: new Set([...inverse, ...nested.odooFills]), via: { line, index } });
      visit(nested);
    });
  };
  visit(endpoint);
  return targets;
}
