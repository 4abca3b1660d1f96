/**
 * A gateway configuration in a temp folder for the sync-write tests: the shipped endpoints plus
 * `partners` (upsert, identifier `ref`, a raw `parent` id Odoo checks itself, `name` left to Odoo's
 * own "Contacts require a name" check) and `notes` (no identifier: records are named by Odoo id).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './support/gateway-harness';

export const SYNC_TOKEN = 'sync-secret-token';
export const SYNC_AUTH = { Authorization: `Bearer ${SYNC_TOKEN}` };
/** A second client of the same endpoints. */
export const OTHER_AUTH = { Authorization: 'Bearer other-client-token' };

const PARTNERS = `
endpoint: partners
model: res.partner
methods: [GET, POST, PUT, DELETE]
auth: { type: bearer, tokens: ['${SYNC_TOKEN}', 'other-client-token'] }
upsert: true
max_batch: 600
fields:
  - { key: ref, field: ref, identifier: true, required: true }
  - { key: name, field: name }
  - { key: email, field: email, type: email }
  - { key: city, field: city }
  - { key: parent, field: parent_id }
  - key: country
    field: country_id
    relation: { model: res.country, match: code }
`;

const NOTES = `
endpoint: notes
model: res.partner
methods: [GET, POST, PUT]
auth: { type: bearer, tokens: ['${SYNC_TOKEN}'] }
upsert: true
fields:
  - { key: name, field: name, required: true }
  - { key: city, field: city }
`;

export interface SyncConfig {
  configPath: string;
  remove(): void;
}

export function writeSyncConfig(): SyncConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-writes-'));
  const endpoints = path.join(dir, 'endpoints');
  fs.cpSync(path.join(REPO_ROOT, 'config/endpoints'), endpoints, { recursive: true });
  fs.writeFileSync(path.join(endpoints, 'partners.yaml'), PARTNERS);
  fs.writeFileSync(path.join(endpoints, 'notes.yaml'), NOTES);
  fs.copyFileSync(path.join(REPO_ROOT, 'config/gateway.yaml'), path.join(dir, 'gateway.yaml'));
  return {
    configPath: path.join(dir, 'gateway.yaml'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
