/**
 * Realistic demo data on top of the base seed: partner tags, ten companies with two contacts each,
 * ten private customers (one archived), refs C-1001..C-1020, twenty products SKU-001..SKU-020 and a
 * few sales orders in different states. Deterministic, so tests can rely on it.
 */
import type { Orm } from '../orm/orm';
import { createRecords } from '../orm/write';

const COMPANIES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Azure Interior', 'BE', 'Brussels', '1000'],
  ['Deco Addict', 'FR', 'Paris', '75001'],
  ['Gemini Furniture', 'US', 'Fairfield', '06824'],
  ['Lumber Inc', 'DE', 'Berlin', '10115'],
  ['Ready Mat', 'NL', 'Amsterdam', '1012'],
  ['The Jackson Group', 'GB', 'London', 'SW1A 1AA'],
  ['Wood Corner', 'LU', 'Luxembourg', '1111'],
  ['Nordic Office', 'SE', 'Stockholm', '111 20'],
  ['Alpine Supplies', 'CH', 'Zurich', '8001'],
  ['Iberia Trading', 'ES', 'Madrid', '28001'],
];

const CONTACT_NAMES = [
  'Brandon Freeman', 'Colleen Diaz', 'Nicole Ford', 'Douglas Fletcher', 'Floyd Steward', 'Addison Olson',
  'Edwin Hansen', 'Jesse Brown', 'Oscar Morgan', 'Soham Palmer', 'Kim Snyder', 'Travis Mendoza',
  'Theodore Gardner', 'Julie Richards', 'Willie Burke', 'Ron Gibson', 'Tom Ruiz', 'Lorraine Douglas',
  'Billy Fox', 'Edith Sanchez',
]; // prettier-ignore

const INDIVIDUALS: ReadonlyArray<readonly [string, string]> = [
  ['Anita Oliver', 'BE'], ['Chester Reed', 'FR'], ['Dwayne Newman', 'US'], ['Eli Lambert', 'IT'],
  ['Jeff Lawson', 'DE'], ['Mark Brown', 'GB'], ['Marc Demo', 'BE'], ['Sara Lopez', 'ES'],
  ['Toni Rhodes', 'PT'], ['Zoe Archer', 'IE'],
]; // prettier-ignore

const COUNTRY_IDS: Record<string, number> = {
  BE: 20, FR: 75, US: 233, DE: 57, NL: 165, GB: 231, LU: 133, SE: 196, CH: 43, ES: 68, IT: 109, PT: 183, IE: 101,
}; // prettier-ignore

const PRODUCTS: ReadonlyArray<readonly [string, number, 'consu' | 'service', number[]]> = [
  ['Office Chair', 120.5, 'consu', [1]], ['Office Desk', 349, 'consu', [2]], ['Desk Lamp', 39.9, 'consu', [3]],
  ['Monitor Stand', 59, 'consu', []], ['Filing Cabinet', 180, 'consu', [2]], ['Whiteboard', 75, 'consu', []],
  ['Conference Table', 899, 'consu', [1]], ['Bookshelf', 210, 'consu', [3]], ['Ergonomic Keyboard', 89.99, 'consu', [1]],
  ['Wireless Mouse', 29.5, 'consu', []], ['Standing Desk', 599, 'consu', [1, 3]], ['Drawer Unit', 99, 'consu', []],
  ['Acoustic Panel', 149, 'consu', [3]], ['Coat Stand', 45, 'consu', []], ['Storage Box', 12.5, 'consu', [3]],
  ['Cable Tray', 19, 'consu', []], ['Footrest', 35, 'consu', []], ['Installation', 85, 'service', []],
  ['Office Design Consulting', 120, 'service', [2]], ['Furniture Assembly', 60, 'service', []],
]; // prettier-ignore

function seedPartners(orm: Orm): void {
  const model = orm.model('res.partner');
  createRecords(orm, orm.model('res.partner.category'), [
    { name: 'VIP' },
    { name: 'Retail' },
    { name: 'Wholesale' },
  ]);
  let ref = 1001;
  COMPANIES.forEach(([name, code, city, zip], k) => {
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '');
    const contacts = CONTACT_NAMES.slice(2 * k, 2 * k + 2).map((contact) => ({
      name: contact,
      email: `${contact.split(' ')[0]!.toLowerCase()}@${slug}.example.com`,
      function: 'Purchasing Manager',
    }));
    createRecords(orm, model, [
      {
        name,
        is_company: true,
        ref: `C-${ref++}`,
        email: `info@${slug}.example.com`,
        phone: `+${(k % 9) + 1}0 555 01${String(k).padStart(2, '0')}`,
        street: `${k + 1} Main Street`,
        city,
        zip,
        country_id: COUNTRY_IDS[code],
        website: `https://www.${slug}.example.com`,
        customer_rank: 1,
        supplier_rank: k % 3 === 0 ? 1 : 0,
        category_id: [[6, 0, [k % 2 === 0 ? 3 : 1]]],
        child_ids: contacts.map((c) => [0, 0, c]),
      },
    ]);
  });
  INDIVIDUALS.forEach(([name, code], k) => {
    createRecords(orm, model, [
      {
        name,
        ref: `C-${ref++}`,
        email: `${name.toLowerCase().replace(' ', '.')}@example.com`,
        country_id: COUNTRY_IDS[code],
        customer_rank: 1,
        category_id: k % 3 === 0 ? [[6, 0, [2]]] : [],
        active: k !== 9,
      },
    ]);
  });
}

function seedProducts(orm: Orm): void {
  createRecords(orm, orm.model('product.tag'), [{ name: 'Bestseller' }, { name: 'New' }, { name: 'Eco' }]);
  createRecords(
    orm,
    orm.model('product.template'),
    PRODUCTS.map(([name, price, type, tags], k) => ({
      name,
      default_code: `SKU-${String(k + 1).padStart(3, '0')}`,
      list_price: price,
      standard_price: Math.round(price * 55) / 100,
      type,
      uom_id: type === 'service' ? 5 : 1,
      uom_po_id: type === 'service' ? 5 : 1,
      product_tag_ids: [[6, 0, tags]],
    })),
  );
}

function seedOrders(orm: Orm): void {
  const model = orm.model('sale.order');
  const orders: ReadonlyArray<readonly [number, string, number[][]]> = [
    [
      10,
      '2025-01-10 09:30:00',
      [
        [1, 4],
        [3, 4],
      ],
    ],
    [
      13,
      '2025-01-14 14:00:00',
      [
        [2, 1],
        [11, 2],
        [18, 1],
      ],
    ],
    [16, '2025-01-20 10:15:00', [[7, 1]]],
    [
      40,
      '2025-02-03 16:45:00',
      [
        [9, 10],
        [10, 10],
      ],
    ],
    [22, '2025-02-11 08:00:00', [[19, 8]]],
  ];
  const ids = createRecords(
    orm,
    model,
    orders.map(([partner, date, lines], k) => ({
      partner_id: partner,
      date_order: date,
      client_order_ref: k % 2 === 0 ? `PO-${2025001 + k}` : false,
      order_line: lines.map(([product, qty]) => [0, 0, { product_id: product, product_uom_qty: qty }]),
    })),
  );
  model.actions!.action_confirm!(orm, [ids[1]!, ids[3]!]);
  model.actions!.action_quotation_sent!(orm, [ids[2]!]);
}

/** Demo partners start at this id: companies 10, 13, ... 37 with their contacts, individuals 40-49. */
export const DEMO_FIRST_PARTNER_ID = 10;

export function seedDemo(orm: Orm): void {
  orm.store.setNextId('res.partner', DEMO_FIRST_PARTNER_ID);
  seedPartners(orm);
  seedProducts(orm);
  seedOrders(orm);
}
