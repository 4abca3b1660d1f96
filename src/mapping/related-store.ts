import { OdooRecord, RelatedRecords } from './from-odoo';

/** Related records by model and id, filled by the read plans and read by the renderer (from-odoo.ts). */
export class RelatedStore implements RelatedRecords {
  private readonly byModel = new Map<string, Map<number, OdooRecord>>();

  get(model: string, id: number): OdooRecord | undefined {
    return this.byModel.get(model)?.get(id);
  }

  /** Records met twice (through two paths) keep the fields of both. */
  add(model: string, records: readonly OdooRecord[]): void {
    let table = this.byModel.get(model);
    if (!table) {
      table = new Map();
      this.byModel.set(model, table);
    }
    for (const record of records) {
      if (typeof record.id !== 'number') continue;
      table.set(record.id, { ...table.get(record.id), ...record });
    }
  }
}
