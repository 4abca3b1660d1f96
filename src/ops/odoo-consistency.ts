/**
 * Checks a loaded configuration against a live Odoo: the checks that need Odoo (docs/configuration.md
 * "Checks at load"): models exist, every mapped field exists with a fitting type, relations agree, required
 * fields are filled on create, and the gateway's Odoo user has the access each endpoint needs.
 * Odoo calls stay few: one fields_get per model, one default_get per model that records are created
 * in, one check_access_rights per (model, operation).
 */
import type { EndpointDef, GatewayConfig } from '../config/types';
import { GatewayError } from '../errors/gateway-error';
import { linePath, pathOf } from '../mapping/fields-catalog';
import type { OdooClient } from '../odoo/odoo-client';
import { accessReport } from './access-report';
import type {
  ConsistencyProblem,
  ConsistencyReport,
  EndpointReport,
  MappingReport,
  OdooStatus,
} from './consistency-types';
import { createTargets, CreateTarget } from './create-targets';
import type { LineCheckContext } from './line-checks';
import { endpointSettingProblems, modelProblems } from './mapping-report';
import { AccessRights, DefaultsQuestion, defaultsKey, fetchOdooDefaults } from './odoo-answers';
import { probeOdoo, safeMessage } from './odoo-probe';
import { FieldPath, loadModelCatalog, ModelCatalog } from './model-catalog';
import { hasErrors } from './problem';
import { requiredCandidates } from './required-fields';
import { requiredProblems } from './required-problems';

export async function checkConfigAgainstOdoo(
  config: GatewayConfig,
  odoo: OdooClient,
): Promise<ConsistencyReport> {
  const status = await probeOdoo(odoo);
  if (status.error !== undefined) return { ok: false, odoo: status, endpoints: [], mappings: [] };
  try {
    return await checkAll(config, odoo, status);
  } catch (error) {
    // Odoo went away (or timed out) half-way: say so, as for an unreachable Odoo.
    const reachable = !(error instanceof GatewayError && (error.status === 503 || error.status === 504));
    return {
      ok: false,
      odoo: { ...status, reachable, error: safeMessage(error) },
      endpoints: [],
      mappings: [],
    };
  }
}

async function checkAll(
  config: GatewayConfig,
  odoo: OdooClient,
  status: OdooStatus,
): Promise<ConsistencyReport> {
  const lookup = (name: string) => config.mappings.get(name);
  const catalog = await loadModelCatalog(odoo, modelsOf(config), pathsOf(config));
  const ctx: LineCheckContext = { catalog, mappings: config.mappings };
  const endpoints = [...config.endpoints.values()];
  const targets = new Map(
    endpoints.map((endpoint) => [endpoint.name, createTargets(endpoint, lookup, catalog)]),
  );
  const rights = new AccessRights(odoo);
  const [defaults, endpointReports] = await Promise.all([
    fetchOdooDefaults(odoo, defaultsWanted(endpoints, targets, catalog)),
    Promise.all(endpoints.map((endpoint) => accessReport(endpoint, lookup, catalog, rights))),
  ]);
  const reports: EndpointReport[] = endpoints.map((endpoint, index) => {
    const access = endpointReports[index]!;
    const required = (targets.get(endpoint.name) ?? []).flatMap((target) => {
      const fields = catalog.fields(target.mapping.model);
      const answer = defaults.get(defaultsKey(target.mapping.model, endpoint.context)) ?? null;
      return fields ? requiredProblems(target, fields, answer) : [];
    });
    const problems = [
      ...modelProblems(endpoint, ctx),
      ...endpointSettingProblems(endpoint, ctx),
      ...required,
      ...access.problems,
    ];
    return { ...access.report, problems: unique(problems) };
  });
  const mappings: MappingReport[] = [...config.mappings.values()]
    .filter((mapping) => !config.endpoints.has(mapping.name))
    .map((mapping) => ({
      mapping: mapping.name,
      model: mapping.model,
      model_exists: catalog.get(mapping.model)?.state !== 'missing',
      problems: modelProblems(mapping, ctx),
    }));
  const ok = ![...reports, ...mappings].some((report) => hasErrors(report.problems));
  return { ok, odoo: status, endpoints: reports, mappings };
}

function modelsOf(config: GatewayConfig): Set<string> {
  const models = new Set<string>();
  for (const mapping of config.mappings.values()) {
    models.add(mapping.model);
    for (const line of mapping.fields) if (line.relation) models.add(line.relation.model);
  }
  return models;
}

/** Dotted field paths of lines and domain conditions: the models they pass through are fetched too. */
function pathsOf(config: GatewayConfig): FieldPath[] {
  const paths: FieldPath[] = [];
  for (const mapping of config.mappings.values()) {
    for (const line of mapping.fields) {
      if (line.field?.includes('.')) paths.push({ model: mapping.model, path: linePath(line) });
    }
  }
  for (const endpoint of config.endpoints.values()) {
    for (const condition of endpoint.domain) {
      if (Array.isArray(condition) && typeof condition[0] === 'string' && condition[0].includes('.')) {
        paths.push({ model: endpoint.model, path: pathOf(condition[0]) });
      }
    }
  }
  return paths;
}

/** Records are created in their endpoint's context (nested ones too), so its `default_*` keys count. */
function defaultsWanted(
  endpoints: readonly EndpointDef[],
  targets: ReadonlyMap<string, readonly CreateTarget[]>,
  catalog: ModelCatalog,
): Map<string, DefaultsQuestion> {
  const wanted = new Map<string, DefaultsQuestion>();
  for (const endpoint of endpoints) {
    for (const { mapping } of targets.get(endpoint.name) ?? []) {
      const fields = catalog.fields(mapping.model);
      const key = defaultsKey(mapping.model, endpoint.context);
      if (!fields || wanted.has(key)) continue;
      const question = { model: mapping.model, context: endpoint.context };
      wanted.set(key, { ...question, fields: new Set(requiredCandidates(fields)) });
    }
  }
  return wanted;
}

function unique(problems: readonly ConsistencyProblem[]): ConsistencyProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.key, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
