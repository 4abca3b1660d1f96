/**
 * The naive integration the batch row is compared with: for every record, one `search` per relation
 * (the country by code, the tags by name), a `create` for tags that do not exist yet, then one
 * `create` of the partner. No cache, one record at a time, as most hand-written sync scripts do.
 */
import type { CustomerBody } from './customer-calls';
import type { OdooExec } from './odoo-exec';

export async function naiveSync(exec: OdooExec, customers: readonly CustomerBody[]): Promise<void> {
  for (const customer of customers) {
    const vals: Record<string, unknown> = {
      customer_rank: 1,
      ref: customer.customer_id,
      name: customer.name,
    };
    if (customer.email !== undefined) vals.email = customer.email;
    if (customer.country !== undefined) {
      const [country] = (await exec('res.country', 'search', [[['code', '=', customer.country]]], {
        limit: 1,
      })) as number[];
      vals.country_id = country ?? false;
    }
    if (customer.tags?.length) vals.category_id = [[6, 0, await tagIds(exec, customer.tags)]];
    await exec('res.partner', 'create', [vals]);
  }
}

async function tagIds(exec: OdooExec, names: readonly string[]): Promise<number[]> {
  const found = (await exec('res.partner.category', 'search_read', [[['name', 'in', [...names]]]], {
    fields: ['name'],
  })) as { id: number; name: string }[];
  const ids = new Map(found.map((tag) => [tag.name, tag.id]));
  for (const name of names) {
    if (!ids.has(name)) ids.set(name, (await exec('res.partner.category', 'create', [{ name }])) as number);
  }
  return names.map((name) => ids.get(name) as number);
}
