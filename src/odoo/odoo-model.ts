/**
 * One Odoo model seen through the external API: the ORM methods the gateway uses, with the context
 * bound once and `readOnly` set per method (a read may be retried once after a connection error, a
 * write never). Callers outside src/odoo/ use this instead of assembling `executeKw` arguments.
 */
import { OdooClient } from './odoo-client';

export type OdooValues = Record<string, unknown>;
export type OdooContext = Readonly<Record<string, unknown>>;

/** A `web_read` / `web_search_read` specification: field → `{}` or `{fields: {...}}` for relations. */
export interface OdooSpecification {
  [field: string]: { fields?: OdooSpecification; limit?: number; order?: string };
}

export interface SearchReadOptions {
  fields: readonly string[];
  limit?: number;
  offset?: number;
  order?: string;
}

export interface WebSearchReadOptions {
  offset?: number;
  limit?: number;
  order?: string;
  /** Odoo stops counting here (the `length` is then a lower bound); leave unset to get the exact total. */
  countLimit?: number;
}

/** `web_search_read`'s answer: the page and `length`, the total (see record-reader for when it is not). */
export interface WebSearchReadResult<T = OdooValues> {
  length: number;
  records: T[];
}

export type AccessOperation = 'read' | 'write' | 'create' | 'unlink';

export interface OdooModel {
  readonly name: string;
  searchRead<T = OdooValues>(domain: readonly unknown[], options: SearchReadOptions): Promise<T[]>;
  searchCount(domain: readonly unknown[]): Promise<number>;
  read<T = OdooValues>(ids: readonly number[], fields: readonly string[]): Promise<T[]>;
  create(valsList: readonly OdooValues[]): Promise<number[]>;
  write(ids: readonly number[], vals: OdooValues): Promise<boolean>;
  unlink(ids: readonly number[]): Promise<boolean>;
  fieldsGet<T = Record<string, unknown>>(attributes: readonly string[]): Promise<T>;
  defaultGet(fields: readonly string[]): Promise<OdooValues>;
  /** Granted or not; `raise_exception: false`, so a refusal is an answer, not a fault. */
  checkAccessRights(operation: AccessOperation): Promise<boolean>;
  webSearchRead<T = OdooValues>(
    domain: readonly unknown[],
    specification: OdooSpecification,
    options?: WebSearchReadOptions,
  ): Promise<WebSearchReadResult<T>>;
  /** Unlike `read`, raises MissingError (a fault) when one of the ids does not exist. */
  webRead<T = OdooValues>(ids: readonly number[], specification: OdooSpecification): Promise<T[]>;
  /** `ids` empty creates one record, else writes them; answers the records per specification. */
  webSave<T = OdooValues>(
    ids: readonly number[],
    vals: OdooValues,
    specification: OdooSpecification,
  ): Promise<T[]>;
}

export function odooModel(odoo: OdooClient, model: string, context: OdooContext = {}): OdooModel {
  const withContext = (kwargs: Record<string, unknown>) =>
    Object.keys(context).length > 0 ? { ...kwargs, context: { ...context } } : kwargs;
  const read = <T>(method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    odoo.executeKw<T>(model, method, args, withContext(kwargs), { readOnly: true });
  const change = <T>(method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    odoo.executeKw<T>(model, method, args, withContext(kwargs), { readOnly: false });
  return {
    name: model,
    searchRead: (domain, { fields, limit, offset, order }) =>
      read('search_read', [[...domain]], {
        fields: [...fields],
        ...(limit !== undefined ? { limit } : {}),
        ...(offset !== undefined ? { offset } : {}),
        ...(order ? { order } : {}),
      }),
    searchCount: (domain) => read('search_count', [[...domain]]),
    read: (ids, fields) => read('read', [[...ids]], { fields: [...fields] }),
    create: (valsList) => change('create', [[...valsList]]),
    write: (ids, vals) => change('write', [[...ids], vals]),
    unlink: (ids) => change('unlink', [[...ids]]),
    fieldsGet: (attributes) => read('fields_get', [], { attributes: [...attributes] }),
    defaultGet: (fields) => read('default_get', [[...fields]]),
    checkAccessRights: async (operation) =>
      (await read<unknown>('check_access_rights', [operation], { raise_exception: false })) === true,
    webSearchRead: (domain, specification, options = {}) =>
      read('web_search_read', [], {
        domain: [...domain],
        specification,
        ...(options.offset !== undefined ? { offset: options.offset } : {}),
        ...(options.limit !== undefined ? { limit: options.limit } : {}),
        ...(options.order ? { order: options.order } : {}),
        ...(options.countLimit !== undefined ? { count_limit: options.countLimit } : {}),
      }),
    webRead: (ids, specification) => read('web_read', [[...ids]], { specification }),
    webSave: (ids, vals, specification) => change('web_save', [[...ids], vals], { specification }),
  };
}
