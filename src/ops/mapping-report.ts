/**
 * Pure assembly of the problems of one mapping or endpoint, once Odoo's answers are in: the model,
 * the lines, the endpoint's `defaults` and `domain`, required fields on create and access rights.
 */
import { didYouMean } from '../config/did-you-mean';
import type { EndpointDef, MappingDef } from '../config/types';
import type { AccessOperation, ConsistencyProblem } from './consistency-types';
import { pathOf } from '../mapping/fields-catalog';
import { resolvePath } from './field-path';
import { checkMappingLines, LineCheckContext } from './line-checks';
import type { CheckedModelFields } from './model-catalog';
import { mappingProblem } from './problem';

type Problems = ConsistencyProblem[];

export function modelProblems(mapping: MappingDef, ctx: LineCheckContext): Problems {
  const state = ctx.catalog.get(mapping.model);
  if (state?.state === 'missing') {
    return [
      mappingProblem(
        mapping,
        'model',
        'error',
        `Odoo has no model "${mapping.model}"`,
        'check the technical model name and that its Odoo module is installed',
      ),
    ];
  }
  if (state?.state === 'unreadable') {
    return [
      mappingProblem(
        mapping,
        'model',
        'error',
        `the gateway's Odoo user may not read the fields of ${mapping.model} (${state.reason})`,
        "grant the gateway's Odoo user read access to this model",
      ),
    ];
  }
  return [...checkMappingLines(mapping, ctx), ...odooFillsProblems(mapping, ctx)];
}

/** `odoo_fills` names fields of the model: a misspelt one would hide nothing and fix nothing. */
function odooFillsProblems(mapping: MappingDef, ctx: LineCheckContext): Problems {
  const fields = ctx.catalog.fields(mapping.model);
  if (!fields) return [];
  return mapping.odooFills.flatMap((name, index) =>
    fields[name] ? [] : [noSuchField(mapping, `odoo_fills[${index}]`, name, fields)],
  );
}

function noSuchField(mapping: MappingDef, key: string, name: string, fields: CheckedModelFields) {
  return mappingProblem(
    mapping,
    key,
    'error',
    `${mapping.model} has no field "${name}"`,
    didYouMean(name, Object.keys(fields)),
  );
}

/** `defaults` keys and `domain` field paths of an endpoint exist on its model. */
export function endpointSettingProblems(endpoint: EndpointDef, ctx: LineCheckContext): Problems {
  const fields = ctx.catalog.fields(endpoint.model);
  if (!fields) return [];
  const problems: Problems = [];
  for (const name of Object.keys(endpoint.defaults)) {
    if (!fields[name]) problems.push(noSuchField(endpoint, `defaults.${name}`, name, fields));
  }
  endpoint.domain.forEach((condition, index) => {
    if (!Array.isArray(condition) || typeof condition[0] !== 'string') return;
    const resolved = resolvePath(ctx.catalog, endpoint.model, pathOf(condition[0]));
    if (resolved.kind !== 'wrong') return;
    problems.push(mappingProblem(endpoint, `domain[${index}]`, 'error', resolved.message, resolved.hint));
  });
  return problems;
}

const ACCESS_VERB: Readonly<Record<AccessOperation, string>> = {
  read: 'read',
  create: 'create',
  write: 'change',
  unlink: 'delete',
};

export function accessDeniedMessage(model: string, operation: AccessOperation, why: string): string {
  return `the gateway's Odoo user may not ${ACCESS_VERB[operation]} ${model} records (${operation} access), which ${why} needs`;
}

export function fieldLabel(fields: CheckedModelFields, name: string): string {
  const label = fields[name]?.string;
  return label ? `"${name}" (${label})` : `"${name}"`;
}
