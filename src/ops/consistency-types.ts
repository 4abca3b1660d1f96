/**
 * What the Odoo consistency check reports. Problems have the shape of configuration problems
 * (file, line, key, message, hint), so the config check command prints both the same way.
 */
import type { ConfigProblem } from '../config/config-error';

export type Severity = 'error' | 'warning';

export interface ConsistencyProblem extends ConfigProblem {
  severity: Severity;
}

export type AccessOperation = 'read' | 'create' | 'write' | 'unlink';

export interface OdooStatus {
  reachable: boolean;
  /** `server_version` of `common.version()`, e.g. "18.0". */
  version?: string;
  /** The protocol in use (`auto` while no connection settled it). */
  protocol: string;
  /** Why that protocol: `auto`'s reason, "set in gateway.yaml", or "not settled: Odoo unreachable". */
  protocol_reason: string;
  /** Time of the `version()` call, rounded to the millisecond. */
  round_trip_ms?: number;
  uid?: number;
  /** Why the check could not run: a classified message, never a traceback or a credential. */
  error?: string;
}

export interface EndpointReport {
  endpoint: string;
  model: string;
  model_exists: boolean;
  /** Per operation: granted, refused, or null when no enabled method needs it. */
  access: Record<AccessOperation, boolean | null>;
  problems: ConsistencyProblem[];
}

export interface MappingReport {
  mapping: string;
  model: string;
  model_exists: boolean;
  problems: ConsistencyProblem[];
}

export interface ConsistencyReport {
  /** Odoo reachable, login accepted and no problem of severity `error`. */
  ok: boolean;
  odoo: OdooStatus;
  endpoints: EndpointReport[];
  /** Mapping files that are not endpoints. */
  mappings: MappingReport[];
}
