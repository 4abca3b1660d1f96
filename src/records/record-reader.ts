/**
 * GET list and GET one. Two plans, the same answers:
 * - web (Odoo 17+): ONE `web_search_read` (or `web_read`) with the relations nested in it (web-reads.ts);
 * - classic (any Odoo): one `search_read` (+ one `search_count` for `total`) for the page, then one
 *   `read` per related model per level for relations, nested mappings and dotted paths.
 * On the web plan a one-record write reads its representation back in its own `web_save` call.
 */
import { EndpointDef, MappingDef } from '../config/types';
import { ExpressionError, evaluateExpression } from '../mapping/expressions';
import { FieldsCatalog, MappingLookup } from '../mapping/fields-catalog';
import { OdooRecord, fromOdooRecord } from '../mapping/from-odoo';
import { ListQuery, toListSearch } from '../mapping/list-query';
import { fieldsToRead } from '../mapping/read-plan';
import { OdooClient } from '../odoo/odoo-client';
import { OdooSpecification, odooModel } from '../odoo/odoo-model';
import { ModelFieldsCache } from './model-fields-cache';
import { ReadPlanChoice, usesWebPlan } from './read-plan-choice';
import { findOneRecord, identifierDomain, parseIdentifierValue, theOneRecord } from './record-lookup';
import { RelatedStore, loadRelated } from './related-loader';
import {
  FetchedRecords,
  RecordsSearch,
  webListPage,
  webReadById,
  webSaveSpecification,
  webSaved,
  webSearch,
  webSearchPage,
} from './web-reads';

export interface ReadDeps {
  odoo: OdooClient;
  fields: ModelFieldsCache;
  lookup: MappingLookup;
  /** Where `compute` expression failures go (they render as null, never a 500). */
  onExpressionError?: (key: string, message: string) => void;
  /** Which read plan to use; `classic` when absent (see read-plan-choice.ts). */
  readPlan?: ReadPlanChoice;
}

export interface ListResult {
  data: OdooRecord[];
  count: number;
  total: number;
  limit: number;
  offset: number;
}

export async function listRecords(
  deps: ReadDeps,
  endpoint: EndpointDef,
  query: ListQuery,
): Promise<ListResult> {
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  const search = toListSearch(endpoint, query, catalog);
  let page: FetchedRecords & { total: number };
  if (await usesWebPlan(deps.odoo, deps.readPlan)) {
    page = await webListPage({ ...deps, endpoint, catalog }, search);
  } else {
    const model = odooModel(deps.odoo, endpoint.model, endpoint.context);
    const [records, total] = await Promise.all([
      model.searchRead<OdooRecord>(search.domain, {
        fields: fieldsToRead(endpoint, catalog, search.keys),
        limit: search.limit,
        offset: search.offset,
        order: search.order,
      }),
      model.searchCount(search.domain),
    ]);
    page = { records, total, ...(await classicRelated(deps, endpoint, records, catalog, search.keys)) };
  }
  const data = await renderFetched(deps, endpoint, page, catalog, search.keys);
  return { data, count: data.length, total: page.total, limit: search.limit, offset: search.offset };
}

/** `keys`: the external keys to return (`fields=` of GET one); every readable key when absent. */
export async function getRecord(
  deps: ReadDeps,
  endpoint: EndpointDef,
  rawId: unknown,
  keys?: ReadonlySet<string>,
): Promise<OdooRecord> {
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  const value = parseIdentifierValue(endpoint, rawId, catalog.get(endpoint.model) ?? {});
  let fetched: FetchedRecords;
  if (await usesWebPlan(deps.odoo, deps.readPlan)) {
    // limit 2: a second match makes the identifier ambiguous (409), never a silent pick.
    fetched = await webSearch({ ...deps, endpoint, catalog }, identifierDomain(endpoint, value), 2);
    theOneRecord(endpoint, value, fetched.records);
  } else {
    const record = await findOneRecord(deps.odoo, endpoint, value, fieldsToRead(endpoint, catalog, keys));
    fetched = { records: [record], ...(await classicRelated(deps, endpoint, [record], catalog, keys)) };
  }
  const [data] = await renderFetched(deps, endpoint, fetched, catalog, keys);
  return data ?? {};
}

/** The record with this Odoo id as a GET would return it (for `Prefer: return=representation`). */
export async function getRecordById(
  deps: ReadDeps,
  endpoint: EndpointDef,
  id: number,
): Promise<OdooRecord | null> {
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  let fetched: FetchedRecords;
  if (await usesWebPlan(deps.odoo, deps.readPlan)) {
    fetched = await webReadById({ ...deps, endpoint, catalog }, id);
  } else {
    const model = odooModel(deps.odoo, endpoint.model, endpoint.context);
    const records = await model.read<OdooRecord>([id], fieldsToRead(endpoint, catalog));
    fetched = { records, ...(await classicRelated(deps, endpoint, records, catalog)) };
  }
  const [data] = await renderFetched(deps, endpoint, fetched, catalog);
  return data ?? null;
}

/** A record as GET renders it, beside the Odoo record it came from (with the extra fields asked for). */
export interface RenderedRecord {
  odoo: OdooRecord;
  data: OdooRecord;
}

/**
 * Records of a search the caller built (the change feed's), rendered as GET renders them, each with
 * its Odoo record holding `extraFields` too (write_date...): one Odoo call per page on the web plan.
 */
export async function searchRendered(
  deps: ReadDeps,
  endpoint: EndpointDef,
  search: RecordsSearch,
  extraFields: readonly string[],
): Promise<RenderedRecord[]> {
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  let fetched: FetchedRecords;
  if (await usesWebPlan(deps.odoo, deps.readPlan)) {
    fetched = await webSearchPage({ ...deps, endpoint, catalog }, search, extraFields);
  } else {
    const model = odooModel(deps.odoo, endpoint.model, endpoint.context);
    const fields = [...new Set([...fieldsToRead(endpoint, catalog), ...extraFields])];
    const records = await model.searchRead<OdooRecord>(search.domain, { ...search, fields });
    fetched = { records, ...(await classicRelated(deps, endpoint, records, catalog)) };
  }
  const data = await renderFetched(deps, endpoint, fetched, catalog);
  return fetched.records.map((odoo, index) => ({ odoo, data: data[index] ?? {} }));
}

/**
 * What a one-record write asking for its representation sends to read the record back in the same
 * call (`web_save`, web plan); undefined on the classic plan, which writes, then `getRecordById`.
 */
export async function representationReadBack(
  deps: ReadDeps,
  endpoint: EndpointDef,
): Promise<OdooSpecification | undefined> {
  if (!(await usesWebPlan(deps.odoo, deps.readPlan))) return undefined;
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  return webSaveSpecification({ ...deps, endpoint, catalog });
}

/** The representation of a record `web_save` read back per `representationReadBack`. */
export async function renderSavedRecord(
  deps: ReadDeps,
  endpoint: EndpointDef,
  record: OdooRecord,
): Promise<OdooRecord> {
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  const [data] = await renderFetched(
    deps,
    endpoint,
    webSaved({ ...deps, endpoint, catalog }, record),
    catalog,
  );
  return data ?? {};
}

/** Classic plan: the related records, one `read` per related model per level. */
function classicRelated(
  deps: ReadDeps,
  endpoint: EndpointDef,
  records: readonly OdooRecord[],
  catalog: FieldsCatalog,
  keys?: ReadonlySet<string>,
): Promise<{ store: RelatedStore; catalog: FieldsCatalog }> {
  return loadRelated({
    odoo: deps.odoo,
    catalog,
    fieldsOfModel: (model) => deps.fields.get(model),
    lookup: deps.lookup,
    mapping: endpoint,
    records,
    keys,
    context: endpoint.context,
  });
}

/** One renderer for both plans: flat records, related records by model and id, `compute` results. */
function renderFetched(
  deps: ReadDeps,
  mapping: MappingDef,
  fetched: FetchedRecords & { catalog?: FieldsCatalog },
  catalog: FieldsCatalog,
  keys?: ReadonlySet<string>,
): Promise<OdooRecord[]> {
  const context = { catalog: fetched.catalog ?? catalog, lookup: deps.lookup, related: fetched.store, keys };
  return Promise.all(
    fetched.records.map(async (record) => {
      const computed = await computeOutputs(deps, mapping, record, keys);
      return fromOdooRecord(mapping, record, { ...context, computed });
    }),
  );
}

async function computeOutputs(
  deps: ReadDeps,
  mapping: MappingDef,
  record: OdooRecord,
  keys?: ReadonlySet<string>,
): Promise<Map<string, unknown> | undefined> {
  const lines = mapping.fields.filter((line) => line.compute !== undefined && (!keys || keys.has(line.key)));
  if (lines.length === 0) return undefined;
  const computed = new Map<string, unknown>();
  for (const line of lines) {
    try {
      computed.set(line.key, (await evaluateExpression(line.compute ?? '', record)) ?? null);
    } catch (error) {
      deps.onExpressionError?.(
        line.key,
        error instanceof ExpressionError ? error.message : 'expression failed',
      );
      computed.set(line.key, null);
    }
  }
  return computed;
}
