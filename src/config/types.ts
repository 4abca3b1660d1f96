/**
 * The typed, frozen configuration the rest of the gateway reads: the one place the config's shape is
 * written. load-config.ts validates the YAML files with joi, build-config.ts builds this from them
 * (snake_case keys become camelCase); the validated YAML's types (raw-types.ts) are derived from these.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type AuthConfig =
  | { type: 'none' }
  | { type: 'basic'; users: ReadonlyArray<{ username: string; password: string }> }
  | { type: 'bearer'; tokens: readonly string[] };

export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'email' | 'url';

export interface FieldTypeRule {
  type?: ValueType;
  enum?: readonly (string | number)[];
  min?: number;
  max?: number;
  pattern?: string;
}

export interface RelationRule {
  model: string;
  match: string;
  createMissing: boolean;
  /** Several records with the match value: `refuse` (409 AMBIGUOUS_RELATION; absent = refuse) or link the lowest id. */
  onAmbiguous?: 'refuse' | 'lowest_id';
}

export interface FieldLine {
  key: string;
  /** Odoo field; absent for pure `compute` lines. Dotted paths only for direction `out`. */
  field?: string;
  identifier: boolean;
  required: boolean;
  validate: FieldTypeRule;
  direction: 'in' | 'out' | 'both';
  default?: unknown;
  value?: unknown;
  relation?: RelationRule;
  mapping?: string;
  x2many?: 'replace' | 'add';
  compute?: string;
  computeIn?: string;
  /** A realistic value for the docs: OpenAPI examples and the Postman smoke suite's bodies. */
  example?: unknown;
  /** Where the line stands, for error messages: `config/endpoints/customers.yaml:12`. */
  source: SourcePlace;
}

export interface SourcePlace {
  file: string;
  /** Where the list item or file starts. */
  line: number;
  /** Lines of the keys inside it (`relation.match`, `domain[0]`), for problems found later (ops checks). */
  keys?: Readonly<Record<string, number>>;
}

export interface MappingDef {
  name: string;
  model: string;
  fields: readonly FieldLine[];
  /** The identifier line, or undefined when records are identified by their Odoo id. */
  identifier?: FieldLine;
  /**
   * Required Odoo fields that Odoo fills on create although fields_get cannot tell (a compute method
   * without `@api.depends`): the required-fields check takes them as filled.
   */
  odooFills: readonly string[];
  source: SourcePlace;
}

export interface EndpointDef extends MappingDef {
  description?: string;
  methods: readonly HttpMethod[];
  auth: AuthConfig;
  domain: readonly unknown[];
  defaults: Readonly<Record<string, unknown>>;
  context: Readonly<Record<string, unknown>>;
  pageSize: number;
  maxPageSize: number;
  maxBatch: number;
  delete: 'unlink' | 'archive';
  upsert: boolean;
  unknownKeys: 'reject' | 'ignore';
  /** The change feed's timing (`GET /{endpoint}/changes`, docs/changes.md); absent: its defaults. */
  changes?: { overlapS: number; clockSkewS: number };
  outbound?: OutboundConfig;
}

/** Events of the change feed an outbound push may send (docs/outbound.md). */
export type OutboundEvent = 'create' | 'update' | 'archive';

/** How the gateway proves itself to the receiver; secrets come from the environment (`${VAR}`). */
export type OutboundAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  /** `X-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`. */
  | { type: 'hmac'; secret: string };

/** Pushes the endpoint's changes to a receiver (src/outbound/, docs/outbound.md). */
export interface OutboundConfig {
  url: string;
  auth: OutboundAuth;
  events: readonly OutboundEvent[];
  /** Seconds between two reads of the change feed. */
  intervalS: number;
  /** Events per POST (1: one POST per change). */
  batchSize: number;
  timeoutMs: number;
  /** Attempts before a delivery moves to the dead letters. */
  maxAttempts: number;
  backoff: { initialMs: number; maxMs: number };
}

export interface GatewaySettings {
  server: {
    host: string;
    port: number;
    bodyLimit: string;
    trustProxy: boolean | number | string;
    /** Browser origins allowed to call the API (CORS); empty: no CORS headers at all. */
    cors: { origins: readonly string[] };
  };
  odoo: {
    url: string;
    db: string;
    username: string;
    password: string;
    protocol: 'auto' | 'xmlrpc' | 'jsonrpc' | 'session' | 'json2';
    timeoutMs: number;
    connectTimeoutMs: number;
    maxConcurrency: number;
    /** How GETs read (src/records/read-plan-choice.ts): `auto` is web on Odoo 17+, classic below. */
    readPlan: 'auto' | 'classic' | 'web';
  };
  admin?: { auth: AuthConfig };
  /**
   * NODE_ENV was `production` at load. Then, without `admin` auth (or with `type: none`),
   * test-connection and /metrics answer callers on the gateway's own host only.
   */
  production?: boolean;
  logging: { level: 'error' | 'warn' | 'info' | 'debug'; format: 'json' | 'pretty' };
  /** `leaseSeconds`: how long a running attempt holds its key before a retry may presume its replica dead. */
  idempotency: { ttlSeconds: number; maxEntries: number; leaseSeconds: number };
  /** Where idempotency entries, locks, rate-limit counters and the audit trail live (docs/store.md). */
  store: {
    type: 'embedded' | 'postgres' | 'memory';
    /** embedded: the directory of gateway.sqlite, relative to the working directory. */
    path: string;
    /** postgres: the connection URL (STORE_URL in the environment wins over it). */
    url?: string;
    idempotencyQuotaPerClient: number;
    lockTimeoutMs: number;
  };
  /** One row per write request and per batch item (docs/store.md). */
  audit: { enabled: boolean; payloads: boolean; payloadMaxChars: number; retentionDays: number };
  /** Requests per client IP per window on the API routes; max 0 disables it. */
  rateLimit: { windowMs: number; max: number };
  /** Cross-request cache of relation lookups (country code → id); 0 disables it. */
  relationCacheTtlMs: number;
  shutdownTimeoutMs: number;
  /** Absolute path of the endpoints folder. */
  endpointsDir: string;
}

export interface GatewayConfig {
  settings: GatewaySettings;
  /** Endpoints by URL name. */
  endpoints: ReadonlyMap<string, EndpointDef>;
  /** Every mapping by name: mapping files and endpoints (an endpoint is also a mapping). */
  mappings: ReadonlyMap<string, MappingDef>;
  /** Absolute paths of every file read, for hot reload watching. */
  files: readonly string[];
}
