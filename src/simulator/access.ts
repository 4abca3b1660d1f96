/**
 * The few access rights a sync client meets (as recorded with Odoo's demo user): system parameters
 * are for administrators only, and only administrators may change companies. Every other model is
 * open to every user. Checked per method before it runs, with Odoo's AccessError text, whose group
 * names changed in 19.
 */
import { OdooFault } from './orm/faults';
import type { OdooVersion } from './types';

type Operation = 'read' | 'write' | 'create' | 'unlink';

const SETTINGS = { 18: 'Administration/Settings', 19: 'Role / Administrator' };
const ACCESS_RIGHTS = { 18: 'Administration/Access Rights', 19: 'Access Rights' };

/** Per model: the group each operation needs (absent: everyone may). */
const RULES: Record<string, { description: string; groups: Partial<Record<Operation, typeof SETTINGS>> }> = {
  'ir.config_parameter': {
    description: 'System Parameter',
    groups: { read: SETTINGS, write: SETTINGS, create: SETTINGS, unlink: SETTINGS },
  },
  'res.company': {
    description: 'Companies',
    groups: { write: ACCESS_RIGHTS, create: ACCESS_RIGHTS, unlink: ACCESS_RIGHTS },
  },
};

const VERBS: Record<Operation, string> = {
  read: 'access',
  write: 'modify',
  create: 'create',
  unlink: 'delete',
};

function operationOf(method: string): Operation {
  if (method === 'create' || method === 'name_create') return 'create';
  if (method === 'unlink') return 'unlink';
  if (method === 'write' || method === 'web_save' || method.startsWith('action_')) return 'write';
  return 'read';
}

/** Throws Odoo's AccessError when a user without administrator rights calls a guarded method. */
export function checkAccess(version: OdooVersion, admin: boolean, model: string, method: string): void {
  const rule = RULES[model];
  const operation = operationOf(method);
  const groups = rule?.groups[operation];
  if (admin || !rule || !groups) return;
  const message =
    `You are not allowed to ${VERBS[operation]} '${rule.description}' (${model}) records.\n\n` +
    `This operation is allowed for the following groups:\n\t- ${groups[version >= 19 ? 19 : 18]}\n\n` +
    'Contact your administrator to request access if necessary.';
  // The recorded tracebacks print the message without its blank lines.
  const traceback = `Traceback (most recent call last):\n  ...\nodoo.exceptions.AccessError: ${message.replace(/\n\n/g, '\n')}`;
  throw new OdooFault(4, 'odoo.exceptions.AccessError', message, traceback);
}
