/**
 * `order` specifications (`"name asc, id desc"`, `"ref desc nulls last"`) as Odoo validates and
 * PostgreSQL applies them: NULLs last ascending and first descending, text in a locale collation,
 * many2one ordered by the related record's name.
 */
import { valueError } from './faults';
import type { ModelDef, Row } from './field-types';
import type { Getter, Orm } from './orm';
import { pyRepr } from '../wire/py-repr';

const ORDER_SPEC = /^(\s*[a-z0-9:_]+(\.id)?(\s+(desc|asc))?(\s+nulls\s+(first|last))?\s*(,|$))+$/i;
const collator = new Intl.Collator('en-US');

interface SortKey {
  get: Getter;
  desc: boolean;
  nullsFirst: boolean;
  /** Booleans have no NULL here: false is a value that sorts before true. */
  nullable: boolean;
}

function parseOrder(orm: Orm, model: ModelDef, order: string): SortKey[] {
  if (!ORDER_SPEC.test(order) || order.trim().endsWith(',')) {
    throw valueError(
      `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list ` +
        'of valid field names (optionally followed by asc/desc for the direction)',
    );
  }
  return order
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map((words) => {
      const fname = words[0]!.replace(/\.id$/, '');
      const fd = model.fields[fname];
      if (!fd) throw valueError(`Invalid field ${pyRepr(fname)} on model ${pyRepr(model.name)}`);
      const desc = words[1]?.toLowerCase() === 'desc';
      const lower = words.map((w) => w.toLowerCase());
      const nullsFirst = lower.includes('nulls') ? lower.at(-1) === 'first' : desc;
      let get = orm.getter(model, fname);
      if (fd.type === 'many2one' && !words[0]!.endsWith('.id')) {
        const raw = get;
        get = (row) => {
          const id = raw(row);
          return typeof id === 'number' ? orm.displayName(fd.relation!, id) : false;
        };
      }
      return { get, desc, nullsFirst, nullable: fd.type !== 'boolean' };
    });
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

const isNull = (v: unknown): boolean => v === false || v === null || v === undefined;

/** Sorts rows in place; rows arrive in id order, and the sort is stable. */
export function sortRows(orm: Orm, model: ModelDef, rows: Row[], order: string): void {
  const keys = parseOrder(orm, model, order);
  if (rows.length < 2) return;
  const decorated = rows.map((row) => ({ row, values: keys.map((k) => k.get(row)) }));
  decorated.sort((x, y) => {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const a = x.values[k];
      const b = y.values[k];
      const na = key.nullable && isNull(a);
      const nb = key.nullable && isNull(b);
      if (na || nb) {
        if (na && nb) continue;
        return na === key.nullsFirst ? -1 : 1;
      }
      const c = compareValues(a, b);
      if (c !== 0) return key.desc ? -c : c;
    }
    return 0;
  });
  for (let k = 0; k < rows.length; k++) rows[k] = decorated[k]!.row;
}
