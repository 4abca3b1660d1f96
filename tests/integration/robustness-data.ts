/**
 * "Loses nothing": the simulator's data read directly over XML-RPC before and after a run, and every
 * difference checked against the changing calls made while answering requests that got a 2xx.
 */
import { OdooClient } from '../../src/odoo/odoo-client';
import { SimulatorCall } from '../../src/simulator';

type Row = Record<string, unknown> & { id: number };
export type Snapshot = Map<string, Map<number, string>>;

const ALL = { context: { active_test: false } };

/** Stored fields other than x2many (those change when a related record changes, not this one). */
async function comparedFields(odoo: OdooClient, model: string): Promise<string[]> {
  const meta = await odoo.executeKw<Record<string, { type: string; store?: boolean }>>(
    model,
    'fields_get',
    [],
    { attributes: ['type', 'store'] },
    { readOnly: true },
  );
  return Object.entries(meta)
    .filter(([, field]) => field.store !== false && field.type !== 'one2many' && field.type !== 'many2many')
    .map(([name]) => name)
    .sort();
}

export async function snapshot(odoo: OdooClient, models: readonly string[]): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const model of models) {
    const fields = await comparedFields(odoo, model);
    const rows = await odoo.executeKw<Row[]>(
      model,
      'search_read',
      [[]],
      { fields, ...ALL },
      { readOnly: true },
    );
    result.set(model, new Map(rows.map((row) => [row.id, JSON.stringify(row, idsOnly)])));
  }
  return result;
}

/** A many2one `[id, display name]` as its id: a renamed partner does not change the orders pointing at it. */
function idsOnly(_key: string, value: unknown): unknown {
  const isPair = Array.isArray(value) && value.length === 2 && typeof value[0] === 'number';
  return isPair && typeof value[1] === 'string' ? value[0] : value;
}

export async function countRecords(odoo: OdooClient, model: string): Promise<number> {
  return odoo.executeKw<number>(model, 'search_count', [[]], ALL, { readOnly: true });
}

/** What the 2xx requests were allowed to change. */
export class AllowedChanges {
  readonly touched = new Map<string, Set<number>>();
  /** Record ids named inside x2many commands anywhere (a nested write or unlink of a child). */
  readonly commandIds = new Set<number>();
  creations = 0;

  record(calls: readonly SimulatorCall[]): void {
    for (const call of calls) {
      const model = call.model ?? '';
      const [first, second] = call.args;
      if (call.modelMethod === 'create') {
        const list = Array.isArray(first) ? first : [first];
        this.creations += list.length;
      } else if (call.modelMethod === 'web_save' && Array.isArray(first) && first.length === 0) {
        this.creations += 1; // web_save without ids creates one record (Prefer: return=representation)
      } else if (Array.isArray(first)) {
        const ids = this.touched.get(model) ?? new Set<number>();
        for (const id of first) if (typeof id === 'number') ids.add(id);
        this.touched.set(model, ids);
      }
      this.scanCommands(second);
      this.scanCommands(first);
    }
  }

  /** `[0, 0, vals]` creates a record; `[1, id, vals]`, `[2, id]`… touch one. */
  private scanCommands(value: unknown): void {
    if (Array.isArray(value)) {
      const [code, id, vals] = value as unknown[];
      if (value.length === 3 && code === 0 && typeof vals === 'object' && vals !== null) this.creations += 1;
      if (typeof code === 'number' && typeof id === 'number' && code >= 1 && code <= 4)
        this.commandIds.add(id);
      for (const item of value) this.scanCommands(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) this.scanCommands(item);
    }
  }

  /** A record the 2xx writes named, or a contact of one (Odoo syncs a company's address to its contacts). */
  allows(model: string, id: number, row?: string): boolean {
    const parent = row === undefined ? undefined : (JSON.parse(row) as { parent_id?: unknown }).parent_id;
    const parentId = typeof parent === 'number' ? parent : undefined;
    return (
      (this.touched.get(model)?.has(id) ?? false) ||
      this.commandIds.has(id) ||
      (parentId !== undefined && this.allows(model, parentId))
    );
  }
}

/** Differences the allowed changes do not explain (empty when nothing was lost or changed by bad input). */
export function unexplainedChanges(before: Snapshot, after: Snapshot, allowed: AllowedChanges): string[] {
  const problems: string[] = [];
  let created = 0;
  for (const [model, rowsBefore] of before) {
    const rowsAfter = after.get(model) ?? new Map<number, string>();
    for (const [id, row] of rowsBefore) {
      const now = rowsAfter.get(id);
      if (now === undefined && !allowed.allows(model, id)) problems.push(`${model} ${id} disappeared`);
      else if (now !== undefined && now !== row && !allowed.allows(model, id, now)) {
        problems.push(`${model} ${id} changed: ${fieldChanges(row, now)}`);
      }
    }
    created += [...rowsAfter.keys()].filter((id) => !rowsBefore.has(id)).length;
  }
  if (created > allowed.creations) {
    problems.push(`${created} records appeared, but 2xx requests created only ${allowed.creations}`);
  }
  return problems;
}

function fieldChanges(before: string, after: string): string {
  const old = JSON.parse(before) as Record<string, unknown>;
  const now = JSON.parse(after) as Record<string, unknown>;
  return Object.keys(now)
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key]))
    .map((key) => `${key} ${JSON.stringify(old[key])} → ${JSON.stringify(now[key])}`)
    .join(', ');
}
