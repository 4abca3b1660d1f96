/**
 * A customers endpoint shaped like the recorded web_read / web_search_read exchanges
 * (tests/fixtures/odoo-transcripts): name, email, is_company, country by code, tags by name, contacts
 * through a nested mapping.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MappingLookup } from '../../../src/mapping/fields-catalog';
import { ModelFields } from '../../../src/mapping/odoo-field-meta';
import { endpoint, line, mapping } from '../../support/gateway-config-builder';

export const contacts = mapping('contact', 'res.partner', [line('name'), line('email')]);

export const customers = endpoint('customers', 'res.partner', [
  line('name'),
  line('email'),
  line('is_company'),
  line('country', {
    field: 'country_id',
    relation: { model: 'res.country', match: 'code', createMissing: false },
  }),
  line('tags', {
    field: 'category_id',
    relation: { model: 'res.partner.category', match: 'name', createMissing: false },
  }),
  line('contacts', { field: 'child_ids', mapping: 'contact' }),
]);

/** How the recorded `Transcript Batch A` (no email, country, tags or contacts) renders. */
export const BATCH_A_RENDERED = {
  name: 'Transcript Batch A',
  email: null,
  is_company: false,
  country: null,
  tags: [],
  contacts: [],
};

export const lookup: MappingLookup = (name) => (name === 'contact' ? contacts : undefined);

const partner: ModelFields = {
  name: { type: 'char' },
  email: { type: 'char' },
  is_company: { type: 'boolean' },
  phone: { type: 'char' },
  country_id: { type: 'many2one', relation: 'res.country' },
  parent_id: { type: 'many2one', relation: 'res.partner' },
  category_id: { type: 'many2many', relation: 'res.partner.category' },
  child_ids: { type: 'one2many', relation: 'res.partner' },
};

export const catalog: ReadonlyMap<string, ModelFields> = new Map([
  ['res.partner', partner],
  ['res.country', { code: { type: 'char' }, name: { type: 'char' } }],
  ['res.partner.category', { name: { type: 'char' } }],
]);

interface RecordedCase {
  name: string;
  params?: { kwargs?: { specification?: unknown } };
  result: unknown;
}

/** A case of a recorded transcript, by name. */
export function recordedCase(file: string, name: string): RecordedCase {
  const text = readFileSync(path.join(__dirname, '../../fixtures/odoo-transcripts', file), 'utf8');
  const found = (JSON.parse(text) as { cases: RecordedCase[] }).cases.find((c) => c.name === name);
  if (!found) throw new Error(`no case ${name} in ${file}`);
  return found;
}
