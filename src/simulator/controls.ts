/**
 * Test controls: added latency, one injected failure (optionally limited to a model/method and a
 * number of times), a capped call log, the server's log lines, sessions and API keys.
 * Cheap enough to stay on during benchmarks.
 */
import type { FailureSpec, SimulatorCall, SimulatorControls, SimulatorOdoo } from './types';

const LOG_CAP = 100_000;
const SERVER_LOG_CAP = 10_000;

/** What the controls act on, owned by the running simulator. */
export interface ControlHooks {
  /** Seed data back, lockouts and sessions cleared. */
  reset(): void;
  expireSessions(): void;
  forgetSessions(): void;
  sessionLogins(): number;
  setApiKey(key: string | null, login: string | undefined): void;
  /** The option `log` of the simulator, if given. */
  log?: (line: string) => void;
  /** Changes from inside Odoo (inside-odoo.ts). */
  odoo: SimulatorOdoo;
}

export class ControlState implements SimulatorControls {
  private latency: number;
  private failure: FailureSpec | null = null;
  private remaining = Infinity;
  private log: SimulatorCall[] = [];
  private lines: string[] = [];
  private warnings = 0;

  constructor(
    private readonly initialLatency: number,
    private readonly hooks: ControlHooks,
  ) {
    this.latency = initialLatency;
  }

  get odoo(): SimulatorOdoo {
    return this.hooks.odoo;
  }

  get latencyMs(): number {
    return this.latency;
  }

  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  injectFailure(failure: FailureSpec | null): void {
    this.failure = failure;
    this.remaining = failure?.times ?? Infinity;
  }

  callLog(): readonly SimulatorCall[] {
    return this.log.slice();
  }

  clearCallLog(): void {
    this.log = [];
  }

  reset(): void {
    this.hooks.reset();
    this.log = [];
    this.lines = [];
    this.warnings = 0;
    this.failure = null;
    this.remaining = Infinity;
    this.latency = this.initialLatency;
  }

  expireSessions(): void {
    this.hooks.expireSessions();
  }

  restart(): void {
    this.hooks.forgetSessions();
  }

  sessionLogins(): number {
    return this.hooks.sessionLogins();
  }

  setApiKey(key: string | null, login?: string): void {
    this.hooks.setApiKey(key, login);
  }

  serverLog(): readonly string[] {
    return this.lines.slice();
  }

  deprecationWarnings(): number {
    return this.warnings;
  }

  /** A deprecation warning the server logs (counted, kept, passed to the `log` option). */
  logDeprecation(line: string): void {
    this.warnings++;
    this.lines.push(line);
    if (this.lines.length > SERVER_LOG_CAP) this.lines = this.lines.slice(-SERVER_LOG_CAP / 2);
    this.hooks.log?.(line);
  }

  record(call: SimulatorCall): void {
    this.log.push(call);
    // Trim in batches so the cap costs nothing per call.
    if (this.log.length > LOG_CAP * 1.1) this.log = this.log.slice(-LOG_CAP);
  }

  /** The failure to apply to this call, if one is armed and matches; counts it down. */
  takeFailure(call: SimulatorCall): FailureSpec | null {
    const f = this.failure;
    if (!f || this.remaining <= 0) return null;
    if (f.model !== undefined && f.model !== call.model) return null;
    if (f.method !== undefined && f.method !== (call.modelMethod ?? call.method)) return null;
    this.remaining--;
    if (this.remaining <= 0) this.failure = null;
    return f;
  }
}
