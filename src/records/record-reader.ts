/**
 * GET list and GET one: one `search_read` (+ one `search_count` for `total`) for the page, then one
 * `read` per related model per level for relations, nested mappings and dotted paths.
 */
import { EndpointDef, MappingDef } from '../config/types';
import { InvalidQueryError } from '../errors/errors';
import { ExpressionError, evaluateExpression } from '../mapping/expressions';
import { FieldsCatalog, MappingLookup } from '../mapping/fields-catalog';
import { OdooRecord, fromOdooRecord } from '../mapping/from-odoo';
import { parseListQuery } from '../mapping/list-query';
import { fieldsToRead } from '../mapping/read-plan';
import { OdooClient } from '../odoo/odoo-client';
import { ModelFieldsCache } from './model-fields-cache';
import { findOneRecord, parseIdentifierValue } from './record-lookup';
import { loadRelated } from './related-loader';

export interface ReadDeps {
  odoo: OdooClient;
  fields: ModelFieldsCache;
  lookup: MappingLookup;
  /** Where `compute` expression failures go (they render as null, never a 500). */
  onExpressionError?: (key: string, message: string) => void;
}

export interface ListResult {
  data: OdooRecord[];
  count: number;
  total: number;
  limit: number;
  offset: number;
}

export async function listRecords(deps: ReadDeps, endpoint: EndpointDef, rawQuery: Record<string, unknown>) {
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  const { query, errors } = parseListQuery(endpoint, rawQuery, catalog);
  if (!query) {
    const first = errors[0];
    throw new InvalidQueryError(first?.line_id ? `${first.line_id}: ${first.error}` : 'invalid query', {
      lineId: first?.line_id ?? null,
      details: errors,
    });
  }
  const context = { ...endpoint.context };
  const [records, total] = await Promise.all([
    deps.odoo.executeKw<OdooRecord[]>(
      endpoint.model,
      'search_read',
      [query.domain],
      {
        fields: fieldsToRead(endpoint, catalog, query.keys),
        limit: query.limit,
        offset: query.offset,
        ...(query.order ? { order: query.order } : {}),
        context,
      },
      { readOnly: true },
    ),
    deps.odoo.executeKw<number>(
      endpoint.model,
      'search_count',
      [query.domain],
      { context },
      { readOnly: true },
    ),
  ]);
  const data = await renderRecords(deps, endpoint, records, catalog, query.keys);
  return { data, count: data.length, total, limit: query.limit, offset: query.offset } satisfies ListResult;
}

export async function getRecord(deps: ReadDeps, endpoint: EndpointDef, rawId: unknown): Promise<OdooRecord> {
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  const value = parseIdentifierValue(endpoint, rawId, catalog.get(endpoint.model) ?? {});
  const record = await findOneRecord(deps.odoo, endpoint, value, fieldsToRead(endpoint, catalog));
  const [data] = await renderRecords(deps, endpoint, [record], catalog);
  return data ?? {};
}

/** The record with this Odoo id as a GET would return it (for `Prefer: return=representation`). */
export async function getRecordById(
  deps: ReadDeps,
  endpoint: EndpointDef,
  id: number,
): Promise<OdooRecord | null> {
  const catalog = await deps.fields.catalogFor(endpoint, deps.lookup);
  const records = await deps.odoo.executeKw<OdooRecord[]>(
    endpoint.model,
    'read',
    [[id]],
    { fields: fieldsToRead(endpoint, catalog), context: { ...endpoint.context } },
    { readOnly: true },
  );
  const [data] = await renderRecords(deps, endpoint, records, catalog);
  return data ?? null;
}

export async function renderRecords(
  deps: ReadDeps,
  mapping: MappingDef,
  records: readonly OdooRecord[],
  catalog: FieldsCatalog,
  keys?: ReadonlySet<string>,
): Promise<OdooRecord[]> {
  const { store, catalog: fullCatalog } = await loadRelated({
    odoo: deps.odoo,
    catalog,
    fieldsOfModel: (model) => deps.fields.get(model),
    lookup: deps.lookup,
    mapping,
    records,
    keys,
    context: 'context' in mapping ? { ...(mapping as EndpointDef).context } : {},
  });
  return Promise.all(
    records.map(async (record) => {
      const computed = await computeOutputs(deps, mapping, record, keys);
      return fromOdooRecord(mapping, record, {
        catalog: fullCatalog,
        lookup: deps.lookup,
        related: store,
        computed,
        keys,
      });
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
