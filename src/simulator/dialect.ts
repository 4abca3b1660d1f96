/**
 * Where Odoo 19 words an ORM error differently from 18 (as recorded): an invalid field in a domain
 * is "in condition" (after a KeyError), an unknown field in create values is "in 'model'", and a
 * private method is named with its model. The ORM raises the 18 wording; this rewrites it for 19.
 */
import { OdooFault } from './orm/faults';
import type { OdooVersion } from './types';

const HEAD = 'Traceback (most recent call last):\n  ...\n';
const DURING =
  '\nDuring handling of the above exception, another exception occurred:\nTraceback (most recent call last):\n';

function reworded(fault: OdooFault, message: string, traceback: string): OdooFault {
  return new OdooFault(fault.code, fault.exception, message, traceback);
}

export function adaptFault(version: OdooVersion, fault: OdooFault, model: string): OdooFault {
  if (version < 19) return fault;
  const leaf = /^Invalid field (\S+) in leaf (\('([^']*)'.*)$/s.exec(fault.message);
  if (leaf) {
    const message = `Invalid field ${leaf[1]} in condition ${leaf[2]}`;
    return reworded(fault, message, `${HEAD}KeyError: '${leaf[3]}'${DURING}ValueError: ${message}`);
  }
  const createField = /^Invalid field ('.*') on model ('.*')$/.exec(fault.message);
  if (createField && fault.traceback.includes('KeyError')) {
    const message = `Invalid field ${createField[1]} in ${createField[2]}`;
    return reworded(fault, message, `${HEAD}ValueError: ${message}`);
  }
  const privateMethod = /^Private methods \(such as (\w+)\) cannot be called remotely\.$/.exec(fault.message);
  if (privateMethod) {
    const message = `Private methods (such as '${model}.${privateMethod[1]}') cannot be called remotely.`;
    return reworded(fault, message, `${HEAD}odoo.exceptions.AccessError: ${message}`);
  }
  return fault;
}
