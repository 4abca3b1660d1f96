/**
 * The environment one RPC call runs in (`self.env` in Odoo): the registry, the tables, the calling
 * user, the clock and the context. Holds the raw-value accessors every other ORM module builds on.
 */
import { formatDatetime } from '../wire/xmlrpc-serializer';
import type { FieldDef, ModelDef, Row } from './field-types';
import { userError } from './faults';
import type { Registry } from './registry';
import type { Store, Table } from './store';

export type Getter = (row: Row) => unknown;

interface O2mIndex {
  table: Table;
  version: number;
  byParent: Map<number, number[]>;
}

/** Caches that outlive one call (derived from tables, keyed by their version). */
export class OrmCaches {
  readonly o2m = new Map<string, O2mIndex>();
}

export class Orm {
  constructor(
    readonly registry: Registry,
    readonly store: Store,
    readonly uid: number,
    private readonly clock: () => number,
    readonly context: Readonly<Record<string, unknown>> = {},
    private readonly caches: OrmCaches = new OrmCaches(),
  ) {}

  /** The model, or Odoo's UserError for an unknown one. */
  model(name: string): ModelDef {
    const model = this.registry.get(name);
    if (!model) throw userError(`Object ${name} doesn't exist`);
    return model;
  }

  nowString(): string {
    return formatDatetime(new Date(this.clock()));
  }

  get activeTest(): boolean {
    return this.context.active_test !== false;
  }

  withContext(extra: Record<string, unknown>): Orm {
    return new Orm(
      this.registry,
      this.store,
      this.uid,
      this.clock,
      { ...this.context, ...extra },
      this.caches,
    );
  }

  row(model: string, id: number): Row | undefined {
    return this.store.get(model, id);
  }

  /** A raw-value reader for one field, resolved once (domain leaves and sort keys call it per row). */
  getter(model: ModelDef, fname: string): Getter {
    if (fname === 'id') return (row) => row.id;
    if (fname === 'display_name') return (row) => this.displayNameOf(model, row);
    const fd = model.fields[fname];
    if (!fd) return () => false;
    if (fd.related) {
      const path = fd.related;
      return (row) => this.followPath(model, row, path);
    }
    if (fd.compute) {
      const compute = fd.compute;
      return (row) => compute(this, row);
    }
    if (fd.type === 'one2many') return (row) => this.o2mIds(fd, row.id);
    const empty = emptyValue(fd);
    return (row) => row[fname] ?? empty;
  }

  value(model: ModelDef, row: Row, fname: string): unknown {
    return this.getter(model, fname)(row);
  }

  private followPath(model: ModelDef, row: Row, path: readonly string[]): unknown {
    let current: Row | undefined = row;
    let currentModel = model;
    for (let k = 0; k < path.length - 1; k++) {
      const fd: FieldDef | undefined = currentModel.fields[path[k]!];
      const id = current ? this.value(currentModel, current, path[k]!) : false;
      if (!fd?.relation || typeof id !== 'number') return emptyValue(currentModel.fields[path.at(-1)!]);
      currentModel = this.model(fd.relation);
      current = this.row(currentModel.name, id);
    }
    const last = path.at(-1)!;
    return current ? this.value(currentModel, current, last) : emptyValue(currentModel.fields[last]);
  }

  /** Ids of the comodel rows whose inverse many2one points at `id` (one2many raw value). */
  o2mIds(fd: FieldDef, id: number): number[] {
    const comodel = fd.relation!;
    const inverse = fd.inverseName!;
    const key = `${comodel}.${inverse}`;
    const table = this.store.table(comodel);
    let index = this.caches.o2m.get(key);
    if (!index || index.table !== table || index.version !== table.version) {
      const byParent = new Map<number, number[]>();
      for (const row of table.rows.values()) {
        const parent = row[inverse];
        if (typeof parent !== 'number') continue;
        const list = byParent.get(parent);
        if (list) list.push(row.id);
        else byParent.set(parent, [row.id]);
      }
      index = { table, version: table.version, byParent };
      this.caches.o2m.set(key, index);
    }
    return index.byParent.get(id) ?? [];
  }

  /** x2many ids, without archived comodel records unless active_test is off. */
  x2manyIds(model: ModelDef, row: Row, fname: string, activeOnly = this.activeTest): number[] {
    const ids = this.value(model, row, fname) as number[];
    const fd = model.fields[fname]!;
    const comodel = this.model(fd.relation!);
    if (!activeOnly || !comodel.fields.active) return ids;
    return ids.filter((id) => this.row(comodel.name, id)?.active !== false);
  }

  displayNameOf(model: ModelDef, row: Row): string | false {
    if (model.displayName) return model.displayName(this, row);
    const value = this.value(model, row, model.recName ?? 'name');
    return typeof value === 'string' ? value : false;
  }

  displayName(modelName: string, id: number): string | false {
    const model = this.model(modelName);
    const row = this.row(modelName, id);
    return row ? this.displayNameOf(model, row) : false;
  }
}

export function emptyValue(fd: FieldDef | undefined): unknown {
  if (!fd) return false;
  switch (fd.type) {
    case 'integer':
    case 'float':
    case 'monetary':
      return 0;
    case 'one2many':
    case 'many2many':
      return [];
    default:
      return false;
  }
}
