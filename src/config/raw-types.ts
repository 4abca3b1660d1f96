/** Shapes of the YAML files after joi validation (defaults applied, snake_case as written). */
export interface RawAuth {
  type: 'none' | 'basic' | 'bearer';
  tokens?: string[];
  users?: Array<{ username: string; password: string }>;
}

export interface RawFieldLine {
  key: string;
  field?: string;
  identifier: boolean;
  required: boolean;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'email' | 'url';
  enum?: Array<string | number>;
  min?: number;
  max?: number;
  pattern?: string;
  direction: 'in' | 'out' | 'both';
  default?: unknown;
  value?: unknown;
  relation?: { model: string; match: string; create_missing: boolean };
  mapping?: string;
  x2many?: 'replace' | 'add';
  compute?: string;
  compute_in?: string;
}

export interface RawEndpointFile {
  endpoint?: string;
  mapping?: string;
  description?: string;
  model: string;
  methods: Array<'GET' | 'POST' | 'PUT' | 'DELETE'>;
  auth?: RawAuth;
  domain: unknown[];
  defaults: Record<string, unknown>;
  context: Record<string, unknown>;
  page_size: number;
  max_page_size: number;
  max_batch: number;
  delete: 'unlink' | 'archive';
  upsert: boolean;
  unknown_keys: 'reject' | 'ignore';
  fields: RawFieldLine[];
}

export interface RawGateway {
  server: { host: string; port: number; body_limit: string | number; trust_proxy: boolean | number | string };
  odoo: {
    url: string;
    db: string;
    username: string;
    password: string;
    protocol: 'auto' | 'xmlrpc' | 'jsonrpc' | 'session' | 'json2';
    timeout_ms: number;
    connect_timeout_ms: number;
    max_concurrency: number;
  };
  admin?: { auth: RawAuth };
  logging: { level: 'error' | 'warn' | 'info' | 'debug'; format: 'json' | 'pretty' };
  idempotency: { ttl_seconds: number; max_entries: number };
  rate_limit: { window_ms: number; max: number };
  relation_cache_ttl_ms: number;
  shutdown_timeout_ms: number;
  endpoints_dir: string;
}
