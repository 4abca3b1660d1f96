/**
 * Fetches the related records a page of results needs, level by level: one `read` per related model per
 * level, whatever the number of records on the page (issue: constant Odoo calls per request).
 */
import { MappingDef } from '../config/types';
import { FieldsCatalog, MappingLookup, fieldsOf } from '../mapping/fields-catalog';
import { OdooRecord, relatedIds } from '../mapping/from-odoo';
import { RelatedStore } from '../mapping/related-store';
import { ModelFields } from '../mapping/odoo-field-meta';
import { RelatedPlan, addRead, planRelatedReads } from '../mapping/read-plan';
import { OdooClient } from '../odoo/odoo-client';
import { OdooContext, odooModel } from '../odoo/odoo-model';

const MAX_LEVELS = 8;

export { RelatedStore };

export interface RelatedLoadRequest {
  odoo: OdooClient;
  catalog: FieldsCatalog;
  fieldsOfModel: (model: string) => Promise<ModelFields>;
  lookup: MappingLookup;
  mapping: MappingDef;
  records: readonly OdooRecord[];
  keys?: ReadonlySet<string>;
  context: OdooContext;
}

export async function loadRelated(
  request: RelatedLoadRequest,
): Promise<{ store: RelatedStore; catalog: FieldsCatalog }> {
  const store = new RelatedStore();
  const catalog = new Map(request.catalog);
  let plan = planRelatedReads(request.mapping, request.records, catalog, request.lookup, request.keys);
  for (let level = 0; level < MAX_LEVELS && plan.reads.size > 0; level += 1) {
    await Promise.all(
      [...plan.reads.values()].map(async (read) => {
        const model = odooModel(request.odoo, read.model, request.context);
        const records = await model.read<OdooRecord>([...read.ids], [...read.fields]);
        store.add(read.model, records);
      }),
    );
    plan = await nextLevel(plan, store, catalog, request);
  }
  return { store, catalog };
}

async function nextLevel(
  previous: RelatedPlan,
  store: RelatedStore,
  catalog: Map<string, ModelFields>,
  request: RelatedLoadRequest,
): Promise<RelatedPlan> {
  const plan: RelatedPlan = { reads: new Map(), continuations: [] };
  for (const step of previous.continuations) {
    const records = step.ids
      .map((id) => store.get(step.model, id))
      .filter((r): r is OdooRecord => r !== undefined);
    if (step.mapping) {
      planRelatedReads(step.mapping, records, catalog, request.lookup, undefined, plan);
    } else if (step.path && step.path.length > 1) {
      const [field = '', next = '', ...rest] = step.path;
      if (!catalog.has(step.model)) catalog.set(step.model, await request.fieldsOfModel(step.model));
      const model = fieldsOf(catalog, step.model)[field]?.relation;
      if (!model) continue;
      if (!catalog.has(model)) catalog.set(model, await request.fieldsOfModel(model));
      const ids = records.flatMap((record) => relatedIds(record[field]));
      addRead(plan, model, ids, [next]);
      if (rest.length > 0) plan.continuations.push({ model, ids, path: [next, ...rest] });
    }
  }
  return plan;
}
