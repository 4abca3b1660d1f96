/** Builds the typed, deeply frozen GatewayConfig from validated YAML (snake_case → camelCase). */
import path from 'node:path';
import { buildOutbound } from './build-outbound';
import { RawAuth, RawEndpointFile, RawFieldLine, RawGateway } from './raw-types';
import {
  AuthConfig,
  EndpointDef,
  FieldLine,
  FieldTypeRule,
  GatewayConfig,
  GatewaySettings,
  MappingDef,
} from './types';
import { YamlSource } from './yaml-source';

export interface ValidEndpointFile {
  source: YamlSource;
  value: RawEndpointFile;
}

/** `Object.freeze` does not stop `Map.prototype.set`; this map refuses changes once built. */
class FrozenMap<K, V> extends Map<K, V> {
  private readonly sealed: boolean;

  constructor(entries: Iterable<readonly [K, V]>) {
    super(entries);
    this.sealed = true;
  }

  override set(key: K, value: V): this {
    if (this.sealed) throw new TypeError('The configuration is frozen');
    return super.set(key, value);
  }

  override delete(): boolean {
    throw new TypeError('The configuration is frozen');
  }

  override clear(): void {
    throw new TypeError('The configuration is frozen');
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    const children = value instanceof Map ? [...value.values()] : Object.values(value);
    Object.freeze(value);
    for (const child of children) deepFreeze(child);
  }
  return value;
}

function buildAuth(auth: RawAuth): AuthConfig {
  if (auth.type === 'bearer') return { type: 'bearer', tokens: auth.tokens ?? [] };
  if (auth.type === 'basic') return { type: 'basic', users: auth.users ?? [] };
  return { type: 'none' };
}

function defined<T extends object>(entries: T): T {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as T;
}

function buildLine(line: RawFieldLine, source: YamlSource, index: number): FieldLine {
  const validate: FieldTypeRule = defined({
    type: line.type,
    enum: line.enum,
    min: line.min,
    max: line.max,
    pattern: line.pattern,
  });
  const relation = line.relation && {
    model: line.relation.model,
    match: line.relation.match,
    createMissing: line.relation.create_missing,
    ...(line.relation.on_ambiguous ? { onAmbiguous: line.relation.on_ambiguous } : {}),
  };
  return defined({
    key: line.key,
    field: line.field,
    identifier: line.identifier,
    required: line.required,
    validate,
    direction: line.direction,
    default: line.default,
    value: line.value,
    relation,
    mapping: line.mapping,
    x2many: line.x2many,
    compute: line.compute,
    computeIn: line.compute_in,
    example: line.example,
    source: {
      file: source.file,
      line: source.lineOf(['fields', index]),
      keys: source.keyLines(['fields', index]),
    },
  });
}

function buildMapping({ source, value }: ValidEndpointFile): MappingDef {
  const kind = value.endpoint !== undefined ? 'endpoint' : 'mapping';
  const fields = value.fields.map((line, index) => buildLine(line, source, index));
  return defined({
    name: value.endpoint ?? value.mapping ?? '',
    model: value.model,
    fields,
    identifier: fields.find((line) => line.identifier),
    odooFills: value.odoo_fills,
    // The lines themselves carry theirs: only where `fields:` starts is kept here.
    source: { file: source.file, line: source.lineOf([kind]), keys: source.keyLines([], ['fields']) },
  });
}

function buildEndpoint(file: ValidEndpointFile, mapping: MappingDef): EndpointDef {
  const { value } = file;
  return defined({
    ...mapping,
    description: value.description,
    methods: value.methods,
    auth: buildAuth(value.auth ?? { type: 'none' }),
    domain: value.domain,
    defaults: value.defaults,
    context: value.context,
    pageSize: value.page_size,
    maxPageSize: value.max_page_size,
    maxBatch: value.max_batch,
    delete: value.delete,
    upsert: value.upsert,
    unknownKeys: value.unknown_keys,
    changes: value.changes && {
      overlapS: value.changes.overlap_s,
      clockSkewS: value.changes.clock_skew_s,
    },
    outbound: value.outbound && buildOutbound(value.outbound),
  });
}

export function buildSettings(gateway: RawGateway, gatewayPath: string, production = false): GatewaySettings {
  const { server, odoo, logging, idempotency } = gateway;
  return defined({
    server: {
      host: server.host,
      port: server.port,
      bodyLimit: String(server.body_limit),
      trustProxy: server.trust_proxy,
      cors: { origins: server.cors.origins },
    },
    odoo: {
      url: odoo.url,
      db: odoo.db,
      username: odoo.username,
      password: odoo.password,
      protocol: odoo.protocol,
      timeoutMs: odoo.timeout_ms,
      connectTimeoutMs: odoo.connect_timeout_ms,
      maxConcurrency: odoo.max_concurrency,
      readPlan: odoo.read_plan,
    },
    admin: gateway.admin && { auth: buildAuth(gateway.admin.auth) },
    production: production || undefined,
    logging: { level: logging.level, format: logging.format },
    idempotency: {
      ttlSeconds: idempotency.ttl_seconds,
      maxEntries: idempotency.max_entries,
      leaseSeconds: idempotency.lease_seconds,
    },
    store: {
      type: gateway.store.type,
      path: gateway.store.path,
      url: gateway.store.url,
      idempotencyQuotaPerClient: gateway.store.idempotency_quota_per_client,
      lockTimeoutMs: gateway.store.lock_timeout_ms,
    },
    audit: {
      enabled: gateway.audit.enabled,
      payloads: gateway.audit.payloads,
      payloadMaxChars: gateway.audit.payload_max_chars,
      retentionDays: gateway.audit.retention_days,
    },
    rateLimit: { windowMs: gateway.rate_limit.window_ms, max: gateway.rate_limit.max },
    relationCacheTtlMs: gateway.relation_cache_ttl_ms,
    shutdownTimeoutMs: gateway.shutdown_timeout_ms,
    endpointsDir: path.resolve(path.dirname(gatewayPath), gateway.endpoints_dir),
  });
}

export function buildConfig(
  gateway: RawGateway,
  gatewayPath: string,
  files: readonly ValidEndpointFile[],
  production = false,
): GatewayConfig {
  const endpoints = new Map<string, EndpointDef>();
  const mappings = new Map<string, MappingDef>();
  for (const file of files) {
    const mapping = buildMapping(file);
    if (file.value.endpoint !== undefined) {
      const endpoint = buildEndpoint(file, mapping);
      endpoints.set(endpoint.name, endpoint);
      mappings.set(endpoint.name, endpoint);
    } else {
      mappings.set(mapping.name, mapping);
    }
  }
  const config: GatewayConfig = {
    settings: buildSettings(gateway, gatewayPath, production),
    endpoints: new FrozenMap(endpoints),
    mappings: new FrozenMap(mappings),
    files: [gatewayPath, ...files.map((file) => file.source.absPath)],
  };
  return deepFreeze(config);
}
