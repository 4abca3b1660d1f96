/** Which `type:` validations fit which Odoo field types. */
import type { ValueType } from '../config/types';

const FITTING: Readonly<Record<ValueType, readonly string[]>> = {
  string: ['char', 'text', 'html', 'selection'],
  email: ['char', 'text'],
  url: ['char', 'text', 'html'],
  // A many2one without a relation rule is its Odoo id on the wire.
  integer: ['integer', 'float', 'monetary', 'many2one'],
  number: ['integer', 'float', 'monetary'],
  boolean: ['boolean'],
  date: ['date'],
  datetime: ['datetime'],
};

export function typeFits(type: ValueType, odooType: string): boolean {
  return FITTING[type].includes(odooType);
}

/** The `type:` values that would fit an Odoo type, for the hint. */
export function fittingTypes(odooType: string): ValueType[] {
  return (Object.keys(FITTING) as ValueType[]).filter((type) => FITTING[type].includes(odooType));
}
