/**
 * The verdict of the configuration check against Odoo, kept for the configuration in force: which
 * endpoints are misconfigured (they answer 503 ENDPOINT_MISCONFIGURED) and what `/health` reports.
 *
 * Until the first check has run (Odoo down at start), nothing is known and every endpoint serves. After
 * a reload the previous verdict holds, by endpoint name, until the new configuration's check ends (less
 * than a second against a live Odoo). The verdict is refreshed by every check: at start,
 * after each reload, by test-connection, and every `recheckMs` (60 s) while the last check could not
 * run (Odoo down) or found a misconfigured endpoint — so a module installed later, or an Odoo that
 * comes up after the gateway, is noticed within a minute. A healthy verdict is not polled: Odoo's load
 * stays at one check per reload or test-connection call.
 */
import winston from 'winston';
import type { GatewayConfig } from '../config/types';
import type { OdooClient } from '../odoo/odoo-client';
import type { ConsistencyReport } from './consistency-types';
import { endpointVerdicts, Misconfigured } from './endpoint-verdicts';
import { logReport } from './log-consistency';
import { checkConfigAgainstOdoo } from './odoo-consistency';

export const DEFAULT_RECHECK_MS = 60_000;

export interface ConfigHealthOptions {
  odoo: OdooClient;
  logger: winston.Logger;
  /** Interval of the re-checks while something is wrong or unknown; default 60 s. */
  recheckMs?: number;
}

export interface HealthStatus {
  status: 'ok' | 'degraded';
  /** Endpoints answering 503 ENDPOINT_MISCONFIGURED, sorted. */
  misconfigured_endpoints: string[];
}

interface Verdict {
  config: GatewayConfig;
  misconfigured: Misconfigured;
}

export class ConfigHealth {
  private verdict?: Verdict;
  private running?: { config: GatewayConfig; report: Promise<ConsistencyReport> };
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: ConfigHealthOptions) {}

  /** Checks `config` against Odoo, logs what changed and keeps the verdict. A check in progress is shared. */
  check(config: GatewayConfig): Promise<ConsistencyReport> {
    if (this.running?.config === config) return this.running.report;
    const report = checkConfigAgainstOdoo(config, this.options.odoo).then((done) => {
      this.record(config, done);
      return done;
    });
    const running = { config, report };
    this.running = running;
    const settle = () => {
      if (this.running === running) this.running = undefined;
    };
    report.then(settle, settle);
    return report;
  }

  /** Keeps the verdict of a finished check (test-connection runs its own); logs the report when it changed. */
  record(config: GatewayConfig, report: ConsistencyReport): void {
    const misconfigured = endpointVerdicts(config, report);
    const fresh = this.verdict?.config === config;
    if (misconfigured === undefined) {
      // Odoo could not be asked: what was known still holds; say so once per configuration.
      if (!fresh) logReport(report, this.options.logger);
      return;
    }
    const previous = this.verdict?.misconfigured;
    this.verdict = { config, misconfigured };
    if (fresh && previous !== undefined && sameEntries(previous, misconfigured)) return;
    logReport(report, this.options.logger);
    this.logVerdict(previous, misconfigured);
  }

  /** What ops must fix on this endpoint, or undefined when it may serve (healthy, or not known yet). */
  misconfiguration(config: GatewayConfig, endpoint: string): string | undefined {
    return config.endpoints.has(endpoint) ? this.verdict?.misconfigured.get(endpoint) : undefined;
  }

  status(config: GatewayConfig): HealthStatus {
    const names = [...(this.verdict?.misconfigured.keys() ?? [])].filter((name) =>
      config.endpoints.has(name),
    );
    return { status: names.length > 0 ? 'degraded' : 'ok', misconfigured_endpoints: names.sort() };
  }

  /** Re-checks the configuration in force every `recheckMs` while its verdict is unknown or degraded. */
  watch(getConfig: () => GatewayConfig): void {
    const every = this.options.recheckMs ?? DEFAULT_RECHECK_MS;
    this.timer = setInterval(() => {
      const config = getConfig();
      const known = this.verdict?.config === config;
      if (!known || this.verdict!.misconfigured.size > 0) void this.check(config);
    }, every);
    this.timer.unref();
  }

  /** Stops the re-checks and waits for a check in progress (it ends when the Odoo client closes). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.report;
  }

  private logVerdict(previous: Misconfigured | undefined, now: Misconfigured): void {
    const { logger } = this.options;
    if (now.size > 0) {
      logger.error(
        'endpoints unavailable (503 ENDPOINT_MISCONFIGURED) until their configuration matches Odoo',
        {
          endpoints: [...now.keys()].sort(),
        },
      );
    }
    const recovered = [...(previous?.keys() ?? [])].filter((name) => !now.has(name));
    if (recovered.length > 0) logger.info('endpoints serving again', { endpoints: recovered.sort() });
  }
}

function sameEntries(a: Misconfigured, b: Misconfigured): boolean {
  return a.size === b.size && [...a.keys()].every((key) => b.get(key) === a.get(key));
}
