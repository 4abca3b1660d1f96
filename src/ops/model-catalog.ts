/**
 * fields_get of every model the configuration touches, asked once per model. Dotted paths
 * (`partner_id.country_id.code`, domain paths) are followed through relations, so the models they
 * reach are fetched too, still once each.
 */
import { GatewayError } from '../errors/gateway-error';
import { FIELDS_GET_ATTRIBUTES, OdooFieldMeta } from '../mapping/odoo-field-meta';
import type { OdooClient } from '../odoo/odoo-client';
import { OdooModelMissingError } from '../odoo/model-missing-error';
import { odooModel } from '../odoo/odoo-model';
import { FieldPath, completePaths } from '../mapping/fields-catalog';

/** What the check reads of a field beyond the gateway's usual attributes. */
export interface CheckedFieldMeta extends OdooFieldMeta {
  /** one2many: the many2one on the comodel that points back (filled by Odoo on nested creates). */
  relation_field?: string;
  /** Computed fields list what they depend on; Odoo fills those itself. */
  depends?: string[];
  /** `partner_id.name` for related fields (and fields delegated through `_inherits`). */
  related?: string | false;
  /** False for a field Odoo keeps no column for: it is computed (or related) on every read. */
  store?: boolean;
  /** The compute method's name, where a server describes it (Odoo 17-19 do not; `depends` tells). */
  compute?: string | false;
}

export type CheckedModelFields = Readonly<Record<string, CheckedFieldMeta>>;

export const CHECK_ATTRIBUTES = [
  ...FIELDS_GET_ATTRIBUTES,
  'relation_field',
  'depends',
  'related',
  'store',
  'compute',
] as const;

export type ModelState =
  | { state: 'ok'; fields: CheckedModelFields }
  | { state: 'missing' }
  | { state: 'unreadable'; reason: string };

export interface ModelCatalog {
  /** Undefined for a model that was never asked for. */
  get(model: string): ModelState | undefined;
  /** Fields of a model that exists and could be read, else undefined. */
  fields(model: string): CheckedModelFields | undefined;
}

export type { FieldPath };

/** Loads the catalog; errors other than "no such model" / "access refused" (Odoo down...) are thrown. */
export async function loadModelCatalog(
  odoo: OdooClient,
  models: Iterable<string>,
  paths: readonly FieldPath[],
): Promise<ModelCatalog> {
  const pending = new Map<string, Promise<ModelState>>();
  const states = new Map<string, ModelState>();
  const ensure = (model: string): Promise<ModelState> => {
    let entry = pending.get(model);
    if (!entry) {
      entry = fetchModel(odoo, model).then((state) => {
        states.set(model, state);
        return state;
      });
      pending.set(model, entry);
    }
    return entry;
  };
  const fields = (model: string) => {
    const state = states.get(model);
    return state?.state === 'ok' ? state.fields : undefined;
  };
  await Promise.all([...new Set(models)].map(ensure));
  await completePaths(fields, ensure, paths);
  return { get: (model) => states.get(model), fields };
}

async function fetchModel(odoo: OdooClient, model: string): Promise<ModelState> {
  try {
    const fields = await odooModel(odoo, model).fieldsGet<CheckedModelFields>(CHECK_ATTRIBUTES);
    return { state: 'ok', fields };
  } catch (error) {
    // Every transport raises it for a model Odoo does not have (see classify-fault.ts, json2-errors.ts).
    if (error instanceof OdooModelMissingError) return { state: 'missing' };
    if (error instanceof GatewayError && error.status === 403) {
      return { state: 'unreadable', reason: error.message };
    }
    throw error;
  }
}
