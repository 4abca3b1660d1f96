/**
 * How a simulated model is described: Odoo 18 field metadata (what `fields_get` shows) plus the few
 * behaviours the ORM needs (defaults, computes, related paths, ondelete, constraints, hooks).
 * Raw values in rows: many2one = id | false, x2many = id[] (one2many derived from its inverse),
 * char/text/html/selection/date/datetime = string | false, integer/float = number, boolean = boolean.
 */
import type { Orm } from './orm';

export type FieldType =
  | 'integer'
  | 'float'
  | 'monetary'
  | 'char'
  | 'text'
  | 'html'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'selection'
  | 'many2one'
  | 'one2many'
  | 'many2many'
  | 'binary';

export type Row = Readonly<Record<string, unknown>> & { readonly id: number };

export interface CreateContext {
  /** Set when product.product creates its template, so the template does not create a variant. */
  skipVariant?: boolean;
}

export interface FieldDef {
  type: FieldType;
  string: string;
  required?: boolean;
  readonly?: boolean;
  help?: string;
  relation?: string;
  /** one2many: the many2one on the comodel pointing back. */
  inverseName?: string;
  selection?: ReadonlyArray<readonly [string, string]>;
  default?: unknown | ((orm: Orm) => unknown);
  /** Not stored: computed from the row when read, searched or sorted. */
  compute?: (orm: Orm, row: Row) => unknown;
  /** A computed field that can be written (company_type → is_company). */
  inverse?: (orm: Orm, id: number, value: unknown) => void;
  /** Related path through many2ones (`['product_tmpl_id', 'name']`); read and written through. */
  related?: readonly string[];
  ondelete?: 'set null' | 'cascade' | 'restrict';
  /**
   * A stored field that Odoo computes on create when not given (`compute=..., store=True,
   * precompute=True`), e.g. sale.order.line.name from the product. Reported in `fields_get`'s
   * `depends` like Odoo, so clients know a required field need not be sent.
   */
  precomputeDepends?: readonly string[];
}

export interface ModelDef {
  name: string;
  /** `_description`, used in constraint messages ("Model: Contact (res.partner)"). */
  description: string;
  /** `_order`. */
  order: string;
  /** `_rec_name` (default `name`). */
  recName?: string;
  /** Fields `name_search` matches (`_rec_names_search`), default `[recName]`. */
  recNamesSearch?: readonly string[];
  /** `_parent_name` for child_of / parent_of. */
  parentName?: string;
  fields: Readonly<Record<string, FieldDef>>;
  displayName?: (orm: Orm, row: Row) => string;
  /** Check constraints and Python constraints on a row about to be stored. */
  check?: (orm: Orm, row: Row) => void;
  /** Fills values before the row is stored (sequence names, delegated creates). */
  beforeCreate?: (orm: Orm, vals: Record<string, unknown>, ctx: CreateContext) => void;
  afterCreate?: (orm: Orm, id: number, ctx: CreateContext) => void;
  /** Propagation after a write (a company's address copied to its contacts). */
  afterWrite?: (orm: Orm, ids: readonly number[], changed: readonly string[]) => void;
  /** Business rules refusing a delete (a confirmed sales order). */
  beforeUnlink?: (orm: Orm, ids: readonly number[]) => void;
  /** Public business methods (`action_confirm`), called with the record ids. */
  actions?: Readonly<Record<string, (orm: Orm, ids: number[]) => unknown>>;
}

export const X2MANY: ReadonlySet<FieldType> = new Set(['one2many', 'many2many']);
export const TEXTUAL: ReadonlySet<FieldType> = new Set(['char', 'text', 'html']);
export const NUMERIC: ReadonlySet<FieldType> = new Set(['integer', 'float', 'monetary']);
