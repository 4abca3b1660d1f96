/**
 * The Odoo calls the gateway makes for each customers request (config/endpoints/customers.yaml),
 * written out by hand, with the same arguments and the same parallel stages, for the sides that talk
 * to Odoo without the gateway: the direct XML-RPC client and the minimal Express route. The bench
 * checks at run time that both make as many calls of each kind as the gateway (see call-tally.ts).
 */
import type { OdooExec } from './odoo-exec';

export const CUSTOMER_DOMAIN: unknown[] = [['customer_rank', '>', 0]];
const PARTNER_FIELDS = ['ref', 'name', 'email', 'phone', 'street', 'city', 'zip', 'is_company'];
const READ_FIELDS = [...PARTNER_FIELDS, 'country_id', 'category_id', 'child_ids'];
const CONTACT_FIELDS = ['name', 'email', 'phone'];

type OdooRow = Record<string, unknown>;

export interface CustomerBody {
  customer_id: string;
  name: string;
  email?: string;
  country?: string;
  tags?: string[];
}

/** GET /customers/{ref}: search_read by ref, then one read per related model. */
export async function getCustomer(exec: OdooExec, ref: string): Promise<OdooRow> {
  const found = (await exec('res.partner', 'search_read', [[...CUSTOMER_DOMAIN, ['ref', '=', ref]]], {
    fields: READ_FIELDS,
    limit: 2,
    context: {},
  })) as OdooRow[];
  const record = found[0];
  if (!record || found.length > 1)
    throw new Error(`customer ${ref}: expected one record, found ${found.length}`);
  await readRelated(exec, [record]);
  return record;
}

/** GET /customers?limit=N: search_read + search_count in parallel, then one read per related model. */
export async function listCustomers(exec: OdooExec, limit: number): Promise<OdooRow[]> {
  const [records] = (await Promise.all([
    exec('res.partner', 'search_read', [CUSTOMER_DOMAIN], {
      fields: READ_FIELDS,
      limit,
      offset: 0,
      context: {},
    }),
    exec('res.partner', 'search_count', [CUSTOMER_DOMAIN], { context: {} }),
  ])) as [OdooRow[], number];
  await readRelated(exec, records);
  return records;
}

async function readRelated(exec: OdooExec, records: readonly OdooRow[]): Promise<void> {
  const reads: [string, number[], string[]][] = [
    ['res.country', unique(records.flatMap((r) => many2oneId(r.country_id))), ['code']],
    ['res.partner.category', unique(records.flatMap((r) => idList(r.category_id))), ['name']],
    ['res.partner', unique(records.flatMap((r) => idList(r.child_ids))), CONTACT_FIELDS],
  ];
  await Promise.all(
    reads
      .filter(([, ids]) => ids.length > 0)
      .map(([model, ids, fields]) => exec(model, 'read', [ids], { fields, context: {} })),
  );
}

/** POST /customers: resolve relations, check the ref is free, create. */
export async function createCustomer(exec: OdooExec, body: CustomerBody): Promise<number> {
  const relations = await resolveRelations(exec, body);
  const existing = (await exec(
    'res.partner',
    'search_read',
    [[...CUSTOMER_DOMAIN, ['ref', 'in', [body.customer_id]]]],
    {
      fields: ['ref'],
      order: 'id',
      context: {},
    },
  )) as OdooRow[];
  if (existing.length > 0) throw new Error(`customer ${body.customer_id} already exists`);
  const vals = { customer_rank: 1, ref: body.customer_id, ...partnerVals(body, relations) };
  return (await exec('res.partner', 'create', [vals], { context: {} })) as number;
}

/** PUT /customers/{ref}: resolve relations, find the record, write. */
export async function updateCustomer(exec: OdooExec, ref: string, body: Omit<CustomerBody, 'customer_id'>) {
  const relations = await resolveRelations(exec, body);
  const found = (await exec('res.partner', 'search_read', [[...CUSTOMER_DOMAIN, ['ref', '=', ref]]], {
    fields: ['id'],
    limit: 2,
    context: {},
  })) as OdooRow[];
  const id = found[0]?.id;
  if (typeof id !== 'number' || found.length > 1) throw new Error(`customer ${ref}: expected one record`);
  return exec('res.partner', 'write', [[id], partnerVals(body, relations)], { context: {} });
}

interface RelationIds {
  country?: number;
  tags?: number[];
}

/** One search_read per relation model, in parallel; missing tags are created in one call (create_missing). */
async function resolveRelations(
  exec: OdooExec,
  body: Omit<CustomerBody, 'customer_id'>,
): Promise<RelationIds> {
  const [countries, tags] = (await Promise.all([
    body.country !== undefined
      ? exec('res.country', 'search_read', [[['code', 'in', [body.country]]]], {
          fields: ['id', 'code'],
          order: 'id',
          context: {},
        })
      : [],
    body.tags?.length
      ? exec('res.partner.category', 'search_read', [[['name', 'in', body.tags]]], {
          fields: ['id', 'name'],
          order: 'id',
          context: {},
        })
      : [],
  ])) as [OdooRow[], OdooRow[]];
  const tagIds = new Map(tags.map((tag) => [String(tag.name), tag.id as number]));
  const missing = (body.tags ?? []).filter((name) => !tagIds.has(name));
  if (missing.length > 0) {
    const ids = (await exec('res.partner.category', 'create', [missing.map((name) => ({ name }))], {
      context: {},
    })) as number[];
    missing.forEach((name, index) => tagIds.set(name, ids[index] as number));
  }
  return {
    country: countries[0]?.id as number | undefined,
    tags: body.tags?.map((name) => tagIds.get(name) as number),
  };
}

function partnerVals(body: Omit<CustomerBody, 'customer_id'>, relations: RelationIds): OdooRow {
  const vals: OdooRow = {};
  if (body.name !== undefined) vals.name = body.name;
  if (body.email !== undefined) vals.email = body.email;
  if (relations.country !== undefined) vals.country_id = relations.country;
  if (relations.tags !== undefined) vals.category_id = [[6, 0, relations.tags]];
  return vals;
}

function many2oneId(value: unknown): number[] {
  return Array.isArray(value) && typeof value[0] === 'number' ? [value[0]] : [];
}

function idList(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}
