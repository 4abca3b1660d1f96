/** A small in-memory OdooClient for the consistency check: fields_get, check_access_rights, default_get. */
import type { EndpointDef, FieldLine, GatewayConfig, MappingDef } from '../../../src/config/types';
import { OdooUnavailableError } from '../../../src/errors/errors';
import { OdooModelMissingError } from '../../../src/odoo/model-missing-error';
import type { OdooClient } from '../../../src/odoo/odoo-client';
import type { CheckedFieldMeta } from '../../../src/ops/model-catalog';

export interface FakeOdooOptions {
  models: Record<string, Record<string, CheckedFieldMeta>>;
  /** `model:operation` pairs refused by check_access_rights. */
  denied?: string[];
  /** default_get answers per model. */
  defaults?: Record<string, Record<string, unknown>>;
  /** Thrown by version() (Odoo down) or authenticate() (login refused). */
  versionError?: Error;
  loginError?: Error;
  /** Models whose fields_get fails as if Odoo went away half-way. */
  downModels?: string[];
}

export type FakeOdoo = OdooClient & { calls: string[] };

type Kwargs = { context?: Record<string, unknown> } & Record<string, unknown>;

export function fakeOdoo(options: FakeOdooOptions): FakeOdoo {
  const calls: string[] = [];
  const answer = (model: string, method: string, args: unknown[], kwargs: Kwargs = {}): unknown => {
    const fields = options.models[model];
    if (options.downModels?.includes(model))
      throw new OdooUnavailableError('Odoo is not reachable (connection refused)');
    if (!fields) throw new OdooModelMissingError(model);
    if (method === 'fields_get') return fields;
    if (method === 'check_access_rights') return !options.denied?.includes(`${model}:${String(args[0])}`);
    if (method === 'default_get') {
      const wanted = args[0] as string[];
      // Like Odoo, `default_<field>` keys of the context are defaults too.
      const fromContext = Object.entries(kwargs.context ?? {})
        .filter(([key]) => key.startsWith('default_'))
        .map(([key, value]) => [key.slice('default_'.length), value]);
      const defaults = { ...options.defaults?.[model], ...Object.fromEntries(fromContext) };
      return Object.fromEntries(Object.entries(defaults).filter(([name]) => wanted.includes(name)));
    }
    throw new Error(`fake Odoo: no ${method}`);
  };
  return {
    calls,
    protocol: 'xmlrpc',
    version: async () => {
      calls.push('version');
      if (options.versionError) throw options.versionError;
      return { server_version: '18.0', server_version_info: [18, 0, 0, 'final', 0, ''] };
    },
    connection: async () => {
      calls.push('version');
      if (options.versionError) throw options.versionError;
      return { protocol: 'xmlrpc', reason: 'set in gateway.yaml', serverVersion: '18.0', serverMajor: 18 };
    },
    authenticate: async () => {
      calls.push('authenticate');
      if (options.loginError) throw options.loginError;
      return 2;
    },
    executeKw: async <T>(model: string, method: string, args: unknown[], kwargs?: Kwargs) => {
      calls.push(`${model}.${method}`);
      return answer(model, method, args, kwargs) as T;
    },
    load: () => ({ inFlight: 0, queued: 0 }),
    close: async () => undefined,
  };
}

let nextLine = 10;

export function line(key: string, field: string | undefined, extra: Partial<FieldLine> = {}): FieldLine {
  nextLine += 1;
  return {
    key,
    ...(field === undefined ? {} : { field }),
    identifier: false,
    required: false,
    validate: {},
    direction: 'both',
    source: { file: 'config/endpoints/test.yaml', line: nextLine },
    ...extra,
  };
}

export function mapping(name: string, model: string, fields: FieldLine[]): MappingDef {
  return { name, model, fields, odooFills: [], source: { file: `config/endpoints/${name}.yaml`, line: 3 } };
}

export function endpoint(
  name: string,
  model: string,
  fields: FieldLine[],
  extra: Partial<EndpointDef> = {},
): EndpointDef {
  return {
    ...mapping(name, model, fields),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    auth: { type: 'none' },
    domain: [],
    defaults: {},
    context: {},
    pageSize: 100,
    maxPageSize: 1000,
    maxBatch: 100,
    delete: 'unlink',
    upsert: false,
    unknownKeys: 'reject',
    ...extra,
  };
}

export function configOf(endpoints: EndpointDef[], mappings: MappingDef[] = []): GatewayConfig {
  return {
    settings: {} as GatewayConfig['settings'],
    endpoints: new Map(endpoints.map((e) => [e.name, e])),
    mappings: new Map([...endpoints, ...mappings].map((m) => [m.name, m])),
    files: [],
  };
}

/** A small res.partner / res.country / sale.order world, as Odoo 18's fields_get describes it. */
export const MODELS: Record<string, Record<string, CheckedFieldMeta>> = {
  'res.partner': {
    name: { type: 'char', string: 'Name' },
    email: { type: 'char', string: 'Email' },
    ref: { type: 'char', string: 'Reference' },
    phone: { type: 'char', string: 'Phone' },
    active: { type: 'boolean', string: 'Active' },
    customer_rank: { type: 'integer', string: 'Customer Rank' },
    complete_name: { type: 'char', string: 'Complete Name', readonly: true, depends: ['name'] },
    country_id: { type: 'many2one', string: 'Country', relation: 'res.country' },
    category_id: { type: 'many2many', string: 'Tags', relation: 'res.partner.category' },
    child_ids: { type: 'one2many', string: 'Contact', relation: 'res.partner', relation_field: 'parent_id' },
    parent_id: { type: 'many2one', string: 'Related Company', relation: 'res.partner' },
    type: {
      type: 'selection',
      string: 'Address Type',
      selection: [
        ['contact', 'Contact'],
        ['invoice', 'Invoice Address'],
      ],
    },
  },
  'res.country': {
    name: { type: 'char', string: 'Country Name', required: true },
    code: { type: 'char', string: 'Country Code', required: true },
  },
  'res.partner.category': { name: { type: 'char', string: 'Name', required: true } },
  'sale.order': {
    name: { type: 'char', string: 'Order Reference', required: true },
    partner_id: { type: 'many2one', string: 'Customer', relation: 'res.partner', required: true },
    company_id: { type: 'many2one', string: 'Company', relation: 'res.company', required: true },
    date_order: { type: 'datetime', string: 'Order Date', required: true },
    client_order_ref: { type: 'char', string: 'Customer Reference' },
    amount_total: { type: 'monetary', string: 'Total', readonly: true, depends: ['order_line'] },
    order_line: {
      type: 'one2many',
      string: 'Order Lines',
      relation: 'sale.order.line',
      relation_field: 'order_id',
    },
  },
  'sale.order.line': {
    order_id: { type: 'many2one', string: 'Order Reference', relation: 'sale.order', required: true },
    product_id: { type: 'many2one', string: 'Product', relation: 'product.product' },
    name: { type: 'text', string: 'Description', required: true, depends: ['product_id'] },
    product_uom_qty: { type: 'float', string: 'Quantity', required: true },
  },
  'product.product': {
    product_tmpl_id: {
      type: 'many2one',
      string: 'Product Template',
      relation: 'product.template',
      required: true,
    },
    name: { type: 'char', string: 'Name', related: 'product_tmpl_id.name' },
    default_code: { type: 'char', string: 'Internal Reference', related: 'product_tmpl_id.default_code' },
  },
};

/** Defaults Odoo would give: sale.order name "New", company and date; line quantity 1. */
export const DEFAULTS: Record<string, Record<string, unknown>> = {
  'sale.order': { name: 'New', company_id: 1, date_order: '2026-01-01 00:00:00' },
  'sale.order.line': { product_uom_qty: 1 },
};
