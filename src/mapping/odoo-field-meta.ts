/** What Odoo's `fields_get(attributes=[string, type, required, readonly, relation, selection])` says of one field. */
export interface OdooFieldMeta {
  type: string;
  string?: string;
  required?: boolean;
  readonly?: boolean;
  relation?: string;
  selection?: [string, string][];
}

/** fields_get of one model: Odoo field name → metadata. */
export type ModelFields = Readonly<Record<string, OdooFieldMeta>>;

export const FIELDS_GET_ATTRIBUTES = [
  'string',
  'type',
  'required',
  'readonly',
  'relation',
  'selection',
] as const;

export const RELATIONAL_TYPES = new Set(['many2one', 'one2many', 'many2many']);
export const X2MANY_TYPES = new Set(['one2many', 'many2many']);
