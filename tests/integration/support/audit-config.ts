/**
 * The shipped configuration in a temp folder with an `admin` token (it guards the audit route) and,
 * when asked, `audit.payloads` on. Removed by `remove()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './gateway-harness';

export const ADMIN_TOKEN = 'audit-admin-token';
export const ADMIN_AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export interface AuditConfig {
  configPath: string;
  remove(): void;
}

export function writeAuditConfig(options: { payloads?: boolean } = {}): AuditConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-audit-'));
  fs.cpSync(path.join(REPO_ROOT, 'config'), dir, { recursive: true });
  const file = path.join(dir, 'gateway.yaml');
  let text = fs.readFileSync(file, 'utf8');
  if (options.payloads) text = text.replace('payloads: false', 'payloads: true');
  text += `admin:\n  auth: { type: bearer, tokens: ['${ADMIN_TOKEN}'] }\n`;
  fs.writeFileSync(file, text);
  return { configPath: file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
