/**
 * The YAML files after joi validation: defaults applied, keys snake_case as written. Not written out
 * a second time: derived from the built config's types (types.ts), and the joi schemas must name
 * exactly these keys (`SchemaKeys`), so the compiler reports any place where the three disagree.
 */
import type { Schema } from 'joi';
import type {
  AuthConfig,
  EndpointDef,
  FieldLine,
  FieldTypeRule,
  GatewaySettings,
  MappingDef,
  OutboundAuth,
  OutboundConfig,
} from './types';

/** `maxPageSize` → `max_page_size`. */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** A built shape as YAML writes it: snake_case keys, plain (mutable) arrays and objects. */
type Yaml<T> = T extends readonly (infer Item)[]
  ? Yaml<Item>[]
  : T extends object
    ? { -readonly [K in keyof T as SnakeCase<K & string>]: Yaml<T[K]> }
    : T;

/** The keys a joi object schema must define for the shape `T`: all of them, and no others. */
export type SchemaKeys<T> = { [K in keyof T]-?: Schema };

type Credentials<Type extends AuthConfig['type']> = Omit<Extract<AuthConfig, { type: Type }>, 'type'>;

/** One object for every type: joi checks the structure, auth-checks.ts which credentials a type needs. */
export type RawAuth = { type: AuthConfig['type'] } & Partial<
  Yaml<Credentials<'basic'> & Credentials<'bearer'>>
>;

type OutboundCredentials = { [T in OutboundAuth['type']]: Omit<Extract<OutboundAuth, { type: T }>, 'type'> };

/** Like RawAuth: one object for every type; outbound-checks.ts says which credentials a type needs. */
export type RawOutboundAuth = { type: OutboundAuth['type'] } & Partial<
  OutboundCredentials['basic'] & OutboundCredentials['bearer'] & OutboundCredentials['hmac']
>;

export type RawOutbound = Yaml<Omit<OutboundConfig, 'auth'>> & { auth: RawOutboundAuth };

/** The type rules sit on the line itself in YAML (`type: email`), in `validate` once built. */
export type RawFieldLine = Yaml<Omit<FieldLine, 'validate' | 'source'>> & Yaml<FieldTypeRule>;

export type RawEndpointFile = Yaml<Omit<EndpointDef, keyof MappingDef | 'auth' | 'outbound'>> & {
  /** Exactly one of `endpoint` (an HTTP route) and `mapping` (a nested mapping) names the file. */
  endpoint?: string;
  mapping?: string;
  model: string;
  odoo_fills: string[];
  auth?: RawAuth;
  outbound?: RawOutbound;
  fields: RawFieldLine[];
};

/** `production` comes from NODE_ENV, not from the file. */
export type RawGateway = Yaml<Omit<GatewaySettings, 'server' | 'admin' | 'production'>> & {
  /** `body_limit` may be a byte count; it is built into a size string. */
  server: Yaml<Omit<GatewaySettings['server'], 'bodyLimit'>> & { body_limit: string | number };
  admin?: { auth: RawAuth };
};
