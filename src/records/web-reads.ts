/**
 * The Odoo 17+ read plan: a GET list page or a GET one, with all its relations, is ONE Odoo call
 * (`web_search_read`, or `web_read` by id), the total included. The nested answer is flattened into
 * the records + RelatedStore the classic plan builds, so rendering is the same function for both.
 */
import { EndpointDef } from '../config/types';
import { FieldsCatalog, MappingLookup } from '../mapping/fields-catalog';
import { OdooRecord } from '../mapping/from-odoo';
import { ListSearch } from '../mapping/list-query';
import { buildReadSpec, toOdooSpecification } from '../mapping/read-spec';
import { RelatedStore } from '../mapping/related-store';
import { flattenWebRecords } from '../mapping/web-records';
import { OdooClient } from '../odoo/odoo-client';
import { OdooSpecification, odooModel } from '../odoo/odoo-model';

/** Records as a classic `read` gives them, with their related records already in `store`. */
export interface FetchedRecords {
  records: OdooRecord[];
  store: RelatedStore;
}

export interface WebReadInput {
  odoo: OdooClient;
  endpoint: EndpointDef;
  catalog: FieldsCatalog;
  lookup: MappingLookup;
}

/**
 * The endpoint's model, the specification of what to read (`keys` only, when given; plus `extraFields`
 * of the model, read as they are) and its flattener.
 */
function webReader(input: WebReadInput, keys?: ReadonlySet<string>, extraFields: readonly string[] = []) {
  const spec = buildReadSpec(input.endpoint, input.catalog, input.lookup, keys);
  for (const field of extraFields) if (!spec.fields.has(field)) spec.fields.set(field, null);
  return {
    model: odooModel(input.odoo, input.endpoint.model, input.endpoint.context),
    specification: toOdooSpecification(spec),
    flatten(records: readonly OdooRecord[]): FetchedRecords {
      const store = new RelatedStore();
      return { records: flattenWebRecords(spec, records, store), store };
    },
  };
}

/**
 * One page and its total. Odoo computes `length` itself (a search_count inside the same call) when the
 * page is full, and knows it is `offset + records` when it is not; only a page past the end (empty,
 * offset > 0) answers length 0, so only then is a separate `search_count` made. No `count_limit` is
 * sent, so Odoo never cuts the count short.
 */
export async function webListPage(
  input: WebReadInput,
  search: ListSearch,
): Promise<FetchedRecords & { total: number }> {
  const { model, specification, flatten } = webReader(input, search.keys);
  const { length, records } = await model.webSearchRead<OdooRecord>(search.domain, specification, {
    offset: search.offset,
    limit: search.limit,
    order: search.order,
  });
  const total = records.length === 0 && search.offset > 0 ? await model.searchCount(search.domain) : length;
  return { ...flatten(records), total };
}

/** Records matching `domain` (at most `limit`), read per the endpoint's specification. */
export async function webSearch(
  input: WebReadInput,
  domain: readonly unknown[],
  limit: number,
): Promise<FetchedRecords> {
  const { model, specification, flatten } = webReader(input);
  return flatten((await model.webSearchRead<OdooRecord>(domain, specification, { limit })).records);
}

/**
 * A page of records matching `search.domain` in `search.order`, with `extraFields` beside the mapped
 * ones (the change feed's write_date...). The count is capped at the page, so Odoo does not count.
 */
export async function webSearchPage(
  input: WebReadInput,
  search: RecordsSearch,
  extraFields: readonly string[],
): Promise<FetchedRecords> {
  const { model, specification, flatten } = webReader(input, undefined, extraFields);
  const { domain, ...options } = search;
  const answer = await model.webSearchRead<OdooRecord>(domain, specification, {
    ...options,
    countLimit: search.limit,
  });
  return flatten(answer.records);
}

/** A search the caller built whole (domain, order, limit). */
export interface RecordsSearch {
  domain: readonly unknown[];
  order: string;
  limit: number;
}

/** The record with this id (it was just written, so it exists: `web_read` faults on a missing id). */
export async function webReadById(input: WebReadInput, id: number): Promise<FetchedRecords> {
  const { model, specification, flatten } = webReader(input);
  return flatten(await model.webRead<OdooRecord>([id], specification));
}

/** What a `web_save` reads back for a one-record write to answer with its representation. */
export function webSaveSpecification(input: WebReadInput): OdooSpecification {
  return webReader(input).specification;
}

/** A record as `web_save` answered it (per `webSaveSpecification`), flattened like a read. */
export function webSaved(input: WebReadInput, record: OdooRecord): FetchedRecords {
  return webReader(input).flatten([record]);
}
