/**
 * Creates the customers the read rows work on in a handful of calls whatever their number: the
 * countries and tags looked up once, missing tags created once, every partner in one `create` of a
 * list. Used where each call is slow (a multi-database Odoo pays a fresh connection per XML-RPC call).
 */
import type { CustomerBody } from './customer-calls';
import type { OdooExec } from './odoo-exec';

type Named = { id: number; code?: string; name?: string };

export async function seedCustomers(exec: OdooExec, customers: readonly CustomerBody[]): Promise<void> {
  await exec('res.partner', 'create', [await partnerValsOf(exec, customers)]);
}

/** The `create` values of each customer, its country and tags resolved in two or three calls for all. */
export async function partnerValsOf(
  exec: OdooExec,
  customers: readonly CustomerBody[],
): Promise<Record<string, unknown>[]> {
  const codes = unique(customers.flatMap((customer) => (customer.country ? [customer.country] : [])));
  const names = unique(customers.flatMap((customer) => customer.tags ?? []));
  const [countries, tags] = (await Promise.all([
    exec('res.country', 'search_read', [[['code', 'in', codes]]], { fields: ['code'] }),
    exec('res.partner.category', 'search_read', [[['name', 'in', names]]], { fields: ['name'] }),
  ])) as [Named[], Named[]];
  const countryIds = new Map(countries.map((country) => [country.code, country.id]));
  const tagIds = new Map(tags.map((tag) => [tag.name, tag.id]));
  const missing = names.filter((name) => !tagIds.has(name));
  if (missing.length > 0) {
    const ids = (await exec('res.partner.category', 'create', [
      missing.map((name) => ({ name })),
    ])) as number[];
    missing.forEach((name, index) => tagIds.set(name, ids[index] as number));
  }
  return customers.map((customer) => ({
    customer_rank: 1,
    ref: customer.customer_id,
    name: customer.name,
    ...(customer.email !== undefined ? { email: customer.email } : {}),
    ...(customer.country !== undefined ? { country_id: countryIds.get(customer.country) ?? false } : {}),
    ...(customer.tags?.length
      ? { category_id: [[6, 0, customer.tags.map((name) => tagIds.get(name))]] }
      : {}),
  }));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
