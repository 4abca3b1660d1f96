/** `count` customers with refs B-1000..., each with a country (BE/FR/US), a tag (1-3) and two contacts. */
export function bulkCustomers(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, k) => ({
    name: `Bulk Customer ${k}`,
    ref: `B-${1000 + k}`,
    customer_rank: 1,
    country_id: [20, 75, 233][k % 3],
    category_id: [[6, 0, [1 + (k % 3)]]],
    child_ids: [
      [0, 0, { name: `Contact A${k}`, email: `a${k}@bulk.example.com` }],
      [0, 0, { name: `Contact B${k}`, email: `b${k}@bulk.example.com` }],
    ],
  }));
}
