/**
 * x2many commands on create and write: (0,0,vals) create, (1,id,vals) update, (2,id) delete,
 * (3,id) unlink, (4,id) link, (5,) clear, (6,0,ids) replace. A bare list of ids means (6,0,ids),
 * `false` means (5,). one2many commands work through the comodel's inverse many2one.
 */
import { foreignKeyError, valueError } from './faults';
import type { FieldDef, ModelDef } from './field-types';
import type { Orm } from './orm';
import { pyRepr } from '../wire/py-repr';
import { createRecords, tableName, unlinkRecords, writeRecords } from './write';

type Command = [code: number, id: number, payload: unknown];

function toCommands(value: unknown): Command[] {
  if (value === false || value === null) return [[5, 0, null]];
  if (!Array.isArray(value)) throw valueError(`Wrong value for x2many field: ${pyRepr(value)}`);
  if (value.length > 0 && value.every((v) => typeof v === 'number')) return [[6, 0, value]];
  return value.map((item): Command => {
    if (typeof item === 'number') return [4, item, null];
    if (item && typeof item === 'object' && !Array.isArray(item)) return [0, 0, item];
    if (!Array.isArray(item) || typeof item[0] !== 'number' || item[0] < 0 || item[0] > 6) {
      throw valueError(`Invalid command ${pyRepr(item)}`);
    }
    return [item[0], typeof item[1] === 'number' ? item[1] : 0, item[2]];
  });
}

function idList(payload: unknown): number[] {
  return Array.isArray(payload) ? payload.filter((v): v is number => typeof v === 'number') : [];
}

function checkExists(orm: Orm, model: ModelDef, fd: FieldDef, ids: number[]): void {
  const comodel = orm.model(fd.relation!);
  for (const id of ids) {
    if (!orm.row(comodel.name, id)) {
      const relTable = `${tableName(model.name)}_${tableName(comodel.name)}_rel`;
      const column = `${comodel.name.split('.').at(-1)}_id`;
      throw foreignKeyError(comodel.description, comodel.name, `${relTable}_${column}_fkey`);
    }
  }
}

export function applyX2many(
  orm: Orm,
  model: ModelDef,
  id: number,
  fname: string,
  fd: FieldDef,
  value: unknown,
): void {
  const commands = toCommands(value);
  if (fd.type === 'many2many') applyMany2many(orm, model, id, fname, fd, commands);
  else applyOne2many(orm, id, fd, commands);
}

function applyMany2many(
  orm: Orm,
  model: ModelDef,
  id: number,
  fname: string,
  fd: FieldDef,
  commands: Command[],
) {
  const comodel = orm.model(fd.relation!);
  let ids = [...((orm.row(model.name, id)?.[fname] as number[] | undefined) ?? [])];
  for (const [code, target, payload] of commands) {
    switch (code) {
      case 0:
        ids.push(...createRecords(orm, comodel, [(payload ?? {}) as Record<string, unknown>]));
        break;
      case 1:
        writeRecords(orm, comodel, [target], (payload ?? {}) as Record<string, unknown>);
        break;
      case 2:
        unlinkRecords(orm, comodel, [target]);
        ids = ids.filter((x) => x !== target);
        break;
      case 3:
        ids = ids.filter((x) => x !== target);
        break;
      case 4:
        checkExists(orm, model, fd, [target]);
        if (!ids.includes(target)) ids.push(target);
        break;
      case 5:
        ids = [];
        break;
      case 6:
        checkExists(orm, model, fd, idList(payload));
        ids = [...new Set(idList(payload))];
        break;
    }
  }
  const row = orm.row(model.name, id);
  if (row) orm.store.put(model.name, { ...row, [fname]: ids });
}

function applyOne2many(orm: Orm, id: number, fd: FieldDef, commands: Command[]) {
  const comodel = orm.model(fd.relation!);
  const inverse = fd.inverseName!;
  const detach = (ids: number[]): void => {
    if (ids.length === 0) return;
    // A required inverse cannot be emptied: Odoo deletes such lines instead.
    if (comodel.fields[inverse]?.required) unlinkRecords(orm, comodel, ids);
    else writeRecords(orm, comodel, ids, { [inverse]: false });
  };
  for (const [code, target, payload] of commands) {
    switch (code) {
      case 0:
        createRecords(orm, comodel, [{ ...((payload ?? {}) as Record<string, unknown>), [inverse]: id }]);
        break;
      case 1:
        writeRecords(orm, comodel, [target], (payload ?? {}) as Record<string, unknown>);
        break;
      case 2:
        unlinkRecords(orm, comodel, [target]);
        break;
      case 3:
        detach([target]);
        break;
      case 4:
        writeRecords(orm, comodel, [target], { [inverse]: id });
        break;
      case 5:
        detach([...orm.o2mIds(fd, id)]);
        break;
      case 6: {
        const keep = new Set(idList(payload));
        detach(orm.o2mIds(fd, id).filter((x) => !keep.has(x)));
        if (keep.size) writeRecords(orm, comodel, [...keep], { [inverse]: id });
        break;
      }
    }
  }
}
