/**
 * Request bodies for the robustness tests: junk of every kind (robustness-junk.ts) shaped for an
 * endpoint, and near-valid records with a key or two spoilt, so that validation, relation lookups and
 * some real writes are reached too.
 */
import {
  JunkOptions,
  NOT_JSON_BODIES,
  Rng,
  deepJson,
  junkJson,
  junkObject,
  junkString,
} from './robustness-junk';
import type { FuzzTarget } from './robustness-requests';

export function fuzzBody(rng: Rng, target: FuzzTarget): string {
  const options: JunkOptions = { knownKeys: target.endpoint.fields.map((line) => line.key), depth: 3 };
  const roll = rng.int(100);
  if (roll < 50) return junkObject(rng, options);
  if (roll < 65) return junkBatch(rng, options, target.endpoint.maxBatch);
  if (roll < 77) return junkJson(rng, options);
  if (roll < 89) return rng.pick(NOT_JSON_BODIES);
  if (roll < 93) return deepJson(rng.pick([100, 5000]), rng.chance(0.5) ? 'array' : 'object');
  if (roll < 95) return `{"${rng.pick(options.knownKeys)}":${deepJson(5000, 'object')}}`;
  if (roll < 98) return `{"name":${junkString(rng)},"x":"${'y'.repeat(500_000)}"}`;
  return `{"name":"${'z'.repeat(1_100_000)}"}`; // over the 1 MB limit
}

function junkBatch(rng: Rng, options: JunkOptions, maxBatch: number): string {
  const size = rng.pick([0, 1, 2, 3, 5, maxBatch + 1]);
  const items: string[] = [];
  for (let i = 0; i < size; i++)
    items.push(rng.chance(0.8) ? junkObject(rng, options) : junkJson(rng, options));
  return `[${items.join(',')}]`;
}

/** A plausible value per external key of the shipped config (as JSON text). */
function sampleValue(rng: Rng, key: string, serial: number): string | undefined {
  const samples: Record<string, unknown> = {
    customer_id: rng.chance(0.2) ? 'C-1001' : `FZ-${serial}`,
    name: rng.chance(0.2) ? 'VIP' : `Fuzz ${serial}`,
    email: `fuzz${serial}@example.com`,
    phone: '+32 2 555 01 01',
    street: '1 Fuzz Street',
    city: 'Brussels',
    zip: '1000',
    is_company: rng.chance(0.5),
    country: rng.pick(['BE', 'FR', 'DE']),
    tags: [rng.pick(['VIP', `Fuzz tag ${serial}`])],
    contacts: [{ name: `Contact ${serial}`, email: `c${serial}@example.com` }],
    sku: rng.chance(0.2) ? 'SKU-001' : `FZ-${serial}`,
    list_price: 9.5,
    order_ref: rng.chance(0.2) ? 'PO-2025001' : `FZ-${serial}`,
    customer: 'C-1001',
    date_order: '2026-11-29T10:15:00+02:00',
    lines: [{ sku: 'SKU-001', quantity: 2, price_unit: 3 }],
  };
  return Object.hasOwn(samples, key) ? JSON.stringify(samples[key]) : undefined;
}

/** A record that would be accepted, with one or two keys spoilt (or none: some writes succeed). */
export function nearValidBody(rng: Rng, target: FuzzTarget, serial: number): string {
  const keys = target.endpoint.fields.map((line) => line.key);
  const options: JunkOptions = { knownKeys: keys, depth: 2 };
  const record = (): string => {
    const members = new Map<string, string>();
    for (const key of keys) {
      const value = sampleValue(rng, key, serial);
      if (value !== undefined && rng.chance(0.85)) members.set(key, value);
    }
    for (let spoilt = rng.int(3); spoilt > 0; spoilt--) members.set(rng.pick(keys), junkJson(rng, options));
    if (rng.chance(0.1))
      members.set(rng.pick(['__proto__', 'constructor', 'nosuch']), junkJson(rng, options));
    return `{${[...members].map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
  };
  if (rng.chance(0.75)) return record();
  return `[${Array.from({ length: 1 + rng.int(4) }, record).join(',')}]`;
}
