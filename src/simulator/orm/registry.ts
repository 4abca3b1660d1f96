/**
 * The set of simulated models, each completed with Odoo's magic fields (id, display_name,
 * create/write date and user) the way every Odoo model has them.
 */
import type { FieldDef, ModelDef } from './field-types';

const MAGIC_FIELDS: Readonly<Record<string, FieldDef>> = {
  id: { type: 'integer', string: 'ID', readonly: true },
  display_name: { type: 'char', string: 'Display Name', readonly: true, compute: () => false },
  create_uid: { type: 'many2one', string: 'Created by', relation: 'res.users', readonly: true },
  create_date: { type: 'datetime', string: 'Created on', readonly: true },
  write_uid: { type: 'many2one', string: 'Last Updated by', relation: 'res.users', readonly: true },
  write_date: { type: 'datetime', string: 'Last Updated on', readonly: true },
};

/** Fields the ORM sets itself; values given for them in create/write are ignored. */
export const AUTOMATIC_FIELDS: ReadonlySet<string> = new Set(Object.keys(MAGIC_FIELDS));

export class Registry {
  private readonly models = new Map<string, ModelDef>();

  constructor(defs: readonly ModelDef[]) {
    for (const def of defs) {
      this.models.set(def.name, { ...def, fields: { ...def.fields, ...MAGIC_FIELDS } });
    }
  }

  get(name: string): ModelDef | undefined {
    return this.models.get(name);
  }

  all(): IterableIterator<ModelDef> {
    return this.models.values();
  }
}
