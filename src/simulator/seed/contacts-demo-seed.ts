/**
 * What the recorded Odoo 18 and 19 databases ("contacts + demo data", tests/fixtures/odoo-transcripts)
 * held where the transcripts look: the company "YourCompany", Mitchell Admin (uid 2, partner 3),
 * Marc Demo (uid 6, partner 7), the demo companies the recordings search for, with Odoo's ids (they
 * differ by one between 18 and 19), their tags, and the id sequences where the recordings' new
 * records started. Replaying a transcript against this seed gives the recorded ids.
 */
import type { Orm } from '../orm/orm';
import { writeRecords } from '../orm/write';
import type { OdooVersion } from '../types';
import { insertWithId } from './base-seed';

interface DemoCompany {
  name: string;
  email: string;
  country: number;
  tags: number[];
}

const US = 233;
const SAN_MARINO = 203;

function demoCompanies(version: OdooVersion): ReadonlyArray<[number, DemoCompany]> {
  const shift = version >= 19 ? -1 : 0;
  return [
    [9 + shift, { name: 'Azure Interior', email: 'azure.Interior24@example.com', country: US, tags: [6] }],
    [
      10 + shift,
      { name: 'Deco Addict', email: 'deco_addict@yourcompany.example.com', country: US, tags: [7] },
    ],
    [
      11 + shift,
      {
        name: 'Gemini Furniture',
        email: 'gemini_furniture@fake.geminifurniture.com',
        country: version >= 19 ? SAN_MARINO : US,
        tags: [4, 7],
      },
    ],
    [12 + shift, { name: 'Ready Mat', email: 'ready.mat28@example.com', country: US, tags: [7, 6] }],
    [13 + shift, { name: 'Wood Corner', email: 'wood.corner26@example.com', country: US, tags: [6] }],
  ];
}

/** Odoo's demo partner tags the demo companies carry (sorted by name: 4 < 7 < 6). */
const TAGS: ReadonlyArray<readonly [number, string]> = [
  [4, 'Desk Manufacturers'],
  [6, 'Services'],
  [7, 'Office Supplies'],
];

/** Where the recording servers' sequences stood when the transcripts created their records. */
const NEXT_IDS: Record<'18' | '19', { partner: number; tag: number }> = {
  '18': { partner: 1212, tag: 23 },
  '19': { partner: 66, tag: 10 },
};

export function seedContactsDemo(orm: Orm, version: OdooVersion): void {
  writeRecords(orm, orm.model('res.partner'), [1], { name: 'YourCompany' });
  writeRecords(orm, orm.model('res.partner'), [3], { name: 'Mitchell Admin', parent_id: 1 });
  const demoUser = orm.row('res.users', 6);
  if (demoUser && typeof demoUser.partner_id === 'number') {
    writeRecords(orm, orm.model('res.partner'), [demoUser.partner_id], { name: 'Marc Demo', parent_id: 1 });
  }
  for (const [id, name] of TAGS) insertWithId(orm, 'res.partner.category', id, { name });
  for (const [id, c] of demoCompanies(version)) {
    insertWithId(orm, 'res.partner', id, {
      name: c.name,
      email: c.email,
      is_company: true,
      country_id: c.country,
      category_id: [[6, 0, c.tags]],
    });
  }
  const next = NEXT_IDS[version >= 19 ? '19' : '18'];
  orm.store.setNextId('res.partner', next.partner);
  orm.store.setNextId('res.partner.category', next.tag);
}
