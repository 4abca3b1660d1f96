/**
 * Which Odoo access rights each endpoint needs: its own model per enabled method, plus the related
 * models its lines read (relation lookups, nested mappings) and create (create_missing, nested x2many).
 */
import type { EndpointDef, FieldLine, MappingDef } from '../config/types';
import type { AccessOperation } from './consistency-types';
import { writesToOdoo } from './line-checks';
import type { ModelCatalog } from './model-catalog';
import { nestedLineCreates } from './nested-creates';

export const ACCESS_OPERATIONS: readonly AccessOperation[] = ['read', 'create', 'write', 'unlink'];

/** True when the endpoint can create records: POST, or PUT that upserts. */
export function endpointCreates(endpoint: EndpointDef): boolean {
  return endpoint.methods.includes('POST') || (endpoint.upsert && endpoint.methods.includes('PUT'));
}

/** Operations on the endpoint's own model, per enabled method. */
export function endpointOperations(endpoint: EndpointDef): Set<AccessOperation> {
  const ops = new Set<AccessOperation>();
  const { methods, upsert } = endpoint;
  if (methods.includes('GET')) ops.add('read');
  if (methods.includes('POST')) ops.add('create');
  if (methods.includes('PUT')) ops.add('write');
  if (upsert && methods.includes('POST')) ops.add('write');
  if (upsert && methods.includes('PUT')) ops.add('create');
  if (methods.includes('DELETE')) ops.add(endpoint.delete === 'archive' ? 'write' : 'unlink');
  return ops;
}

/** Access on a model other than the endpoint's, with the line that needs it. */
export interface RelatedNeed {
  model: string;
  operation: AccessOperation;
  line: FieldLine;
  index: number;
}

type Lookup = (name: string) => MappingDef | undefined;

/** Needs of the related models of one endpoint, nested mappings followed once each. */
export function relatedNeeds(endpoint: EndpointDef, lookup: Lookup, catalog: ModelCatalog): RelatedNeed[] {
  const writes = endpoint.methods.includes('POST') || endpoint.methods.includes('PUT');
  const needs: RelatedNeed[] = [];
  const seen = new Set<string>();
  const visit = (mapping: MappingDef): void => {
    if (seen.has(mapping.name)) return;
    seen.add(mapping.name);
    mapping.fields.forEach((line, index) => {
      const add = (model: string, operation: AccessOperation) =>
        needs.push({ model, operation, line, index });
      const written = writes && writesToOdoo(line);
      if (line.relation) {
        add(line.relation.model, 'read');
        if (written && line.relation.createMissing) add(line.relation.model, 'create');
      }
      const nested = line.mapping === undefined ? undefined : lookup(line.mapping);
      if (nested) {
        add(nested.model, 'read');
        if (writes && nestedLineCreates(mapping, line, nested, catalog)) add(nested.model, 'create');
        visit(nested);
      }
    });
  };
  visit(endpoint);
  return needs;
}
