/**
 * Changes made "from inside Odoo" (a user in the web client, a cron, another integration): straight
 * into the ORM, without an RPC call, so they are not in the call log and the gateway plays no part.
 * `createAsOf` / `writeAsOf` stamp an older create/write date: a transaction that started then and
 * committed only now (a late commit), as PostgreSQL stamps write_date with the transaction's start.
 */
import { createRecords, writeRecords } from './orm/write';
import type { Orm } from './orm/orm';
import type { SimulatorOdoo } from './types';

type Vals = Record<string, unknown>;

/** Runs `work` as the main user in one transaction, with the ORM's clock at `at` (default: now). */
export type InsideRunner = <T>(at: Date | undefined, work: (orm: Orm) => T) => T;

export function insideOdoo(run: InsideRunner): SimulatorOdoo {
  const create = (at: Date | undefined, model: string, valsList: readonly Vals[]) =>
    run(at, (orm) => createRecords(orm, orm.model(model), valsList.map((vals) => ({ ...vals }))));
  const write = (at: Date | undefined, model: string, ids: readonly number[], vals: Vals) =>
    run(at, (orm) => writeRecords(orm, orm.model(model), ids, { ...vals }));
  return {
    create: (model, valsList) => create(undefined, model, valsList),
    write: (model, ids, vals) => write(undefined, model, ids, vals),
    archive: (model, ids) => write(undefined, model, ids, { active: false }),
    createAsOf: (model, valsList, at) => create(at, model, valsList),
    writeAsOf: (model, ids, vals, at) => write(at, model, ids, vals),
  };
}
