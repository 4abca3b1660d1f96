/**
 * The in-memory tables. Rows are never mutated in place: every change replaces the row object, so an
 * undo journal of (table, id, previous row) gives each RPC call its own transaction. Id sequences are
 * not rolled back, like PostgreSQL sequences (a failed create still consumes an id).
 */
import type { Row } from './field-types';

export class Table {
  readonly rows = new Map<number, Row>();
  /** Bumped on every change; caches derived from the table (one2many indexes) compare it. */
  version = 0;
  constructor(public nextId: number) {}
}

type JournalEntry = [table: Table, id: number, previous: Row | undefined];

export class Store {
  private readonly tables = new Map<string, Table>();
  private journal: JournalEntry[] | null = null;

  table(model: string): Table {
    let table = this.tables.get(model);
    if (!table) {
      table = new Table(1);
      this.tables.set(model, table);
    }
    return table;
  }

  setNextId(model: string, nextId: number): void {
    this.table(model).nextId = nextId;
  }

  allocId(model: string): number {
    const table = this.table(model);
    return table.nextId++;
  }

  get(model: string, id: number): Row | undefined {
    return this.tables.get(model)?.rows.get(id);
  }

  rows(model: string): IterableIterator<Row> {
    return this.table(model).rows.values();
  }

  put(model: string, row: Row): void {
    const table = this.table(model);
    this.journal?.push([table, row.id, table.rows.get(row.id)]);
    table.rows.set(row.id, row);
    if (row.id >= table.nextId) table.nextId = row.id + 1;
    table.version++;
  }

  remove(model: string, id: number): void {
    const table = this.table(model);
    const previous = table.rows.get(id);
    if (!previous) return;
    this.journal?.push([table, id, previous]);
    table.rows.delete(id);
    table.version++;
  }

  /** Runs `work` as one transaction: on a throw every change is undone and the error rethrown. */
  transaction<T>(work: () => T): T {
    if (this.journal) return work();
    this.journal = [];
    try {
      const result = work();
      this.journal = null;
      return result;
    } catch (err) {
      this.rollback();
      throw err;
    }
  }

  private rollback(): void {
    const journal = this.journal ?? [];
    this.journal = null;
    for (let k = journal.length - 1; k >= 0; k--) {
      const [table, id, previous] = journal[k]!;
      if (previous) table.rows.set(id, previous);
      else table.rows.delete(id);
      table.version++;
    }
    // Restoring rows changes Map insertion order; keep tables in id order like a heap scan would.
    for (const [, table] of journal.length ? this.tables : []) {
      const sorted = [...table.rows.entries()].sort((a, b) => a[0] - b[0]);
      table.rows.clear();
      for (const [id, row] of sorted) table.rows.set(id, row);
    }
  }
}
