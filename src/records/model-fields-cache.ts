/**
 * fields_get once per model, shared by every request: field types drive validation and value coercion,
 * and Odoo's schema does not change while the gateway runs (a config reload clears it anyway).
 */
import { OdooClient } from '../odoo/odoo-client';
import { odooModel } from '../odoo/odoo-model';
import { MappingDef } from '../config/types';
import { FieldsCatalog, MappingLookup, completePaths, modelsOf, pathsOf } from '../mapping/fields-catalog';
import { FIELDS_GET_ATTRIBUTES, ModelFields } from '../mapping/odoo-field-meta';

export class ModelFieldsCache {
  private readonly pending = new Map<string, Promise<ModelFields>>();
  private settledView: ReadonlyMap<string, ModelFields> = new Map();

  constructor(private readonly odoo: OdooClient) {}

  get(model: string): Promise<ModelFields> {
    let entry = this.pending.get(model);
    if (!entry) {
      entry = odooModel(this.odoo, model).fieldsGet<ModelFields>(FIELDS_GET_ATTRIBUTES);
      this.pending.set(model, entry);
      const settling = entry;
      settling.then(
        (fields) => {
          // A new map per change, so that consumers caching by identity (the docs) see it.
          if (this.pending.get(model) === settling)
            this.settledView = new Map(this.settledView).set(model, fields);
        },
        // A failed lookup (Odoo down) must not poison the cache; a newer entry (after clear()) stays.
        () => {
          if (this.pending.get(model) === settling) this.pending.delete(model);
        },
      );
    }
    return entry;
  }

  async catalog(models: Iterable<string>): Promise<FieldsCatalog> {
    const names = [...new Set(models)];
    const results = await Promise.all(names.map((model) => this.get(model)));
    return new Map(names.map((model, index) => [model, results[index] ?? {}]));
  }

  /**
   * The fields of every model a mapping touches, including those along dotted read paths of the
   * mapping and its nested mappings (`partner_id.country_id.code` needs res.partner and res.country):
   * one fields_get per new model.
   */
  async catalogFor(mapping: MappingDef, lookup: MappingLookup): Promise<FieldsCatalog> {
    const catalog = new Map(await this.catalog(modelsOf(mapping, lookup)));
    const fetch = async (model: string) => catalog.set(model, await this.get(model));
    await completePaths((model) => catalog.get(model), fetch, pathsOf(mapping, lookup));
    return catalog;
  }

  /** Field metadata fetched so far, without calling Odoo (the generated docs use it for types). */
  settled(): ReadonlyMap<string, ModelFields> {
    return this.settledView;
  }

  clear(): void {
    this.pending.clear();
    this.settledView = new Map();
  }
}
