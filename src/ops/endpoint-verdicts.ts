/**
 * Which endpoints the configuration check found unusable, and what ops must fix there. Pure: built
 * from a consistency report. An endpoint is misconfigured when a problem of severity `error` is in
 * its own file or in a mapping file it nests (`mapping:` lines, followed through every level): such
 * an endpoint would only pass Odoo's complaints about the configuration on to callers.
 */
import type { GatewayConfig, MappingDef } from '../config/types';
import type { ConsistencyProblem, ConsistencyReport } from './consistency-types';

/** Endpoint name → what to fix, in words fit for a response body (no file path). */
export type Misconfigured = ReadonlyMap<string, string>;

/** Undefined when the check could not run (Odoo unreachable): then nothing is known. */
export function endpointVerdicts(
  config: GatewayConfig,
  report: ConsistencyReport,
): Misconfigured | undefined {
  if (report.odoo.error !== undefined) return undefined;
  const problemsOf = new Map<string, ConsistencyProblem[]>();
  for (const entry of report.endpoints) problemsOf.set(entry.endpoint, entry.problems);
  for (const entry of report.mappings) problemsOf.set(entry.mapping, entry.problems);
  const misconfigured = new Map<string, string>();
  for (const endpoint of config.endpoints.values()) {
    const errors = nestedMappings(endpoint, config.mappings).flatMap((name) =>
      (problemsOf.get(name) ?? []).filter((problem) => problem.severity === 'error'),
    );
    if (errors.length > 0) misconfigured.set(endpoint.name, misconfiguredMessage(endpoint.name, errors));
  }
  return misconfigured;
}

/** The mapping itself and every mapping its lines nest, each once. */
function nestedMappings(mapping: MappingDef, mappings: ReadonlyMap<string, MappingDef>): string[] {
  const seen = new Set<string>([mapping.name]);
  const visit = (current: MappingDef): void => {
    for (const line of current.fields) {
      const nested = line.mapping === undefined ? undefined : mappings.get(line.mapping);
      if (!nested || seen.has(nested.name)) continue;
      seen.add(nested.name);
      visit(nested);
    }
  };
  visit(mapping);
  return [...seen];
}

/**
 * `Endpoint "products" is misconfigured (the gateway's configuration does not match Odoo): model:
 * Odoo has no model "product.productx" (check ...)`. The key path says where; the file stays out.
 */
export function misconfiguredMessage(endpoint: string, errors: readonly ConsistencyProblem[]): string {
  const shown = errors.slice(0, 3).map((problem) => {
    const hint = problem.hint === undefined ? '' : ` (${problem.hint})`;
    return `${problem.key === '' ? '' : `${problem.key}: `}${problem.message}${hint}`;
  });
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  return `Endpoint "${endpoint}" is unavailable: its configuration does not match Odoo, which ops must fix: ${shown.join('; ')}${more}`;
}
