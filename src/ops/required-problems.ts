/** Problems of required Odoo fields on create, for one create target (see create-targets.ts). */
import type { ConsistencyProblem } from './consistency-types';
import type { CreateTarget } from './create-targets';
import { fieldLabel } from './mapping-report';
import type { CheckedModelFields } from './model-catalog';
import { lineProblem, mappingProblem } from './problem';
import { missingRequiredFields, optionalLinesOnRequiredFields, requiredCandidates } from './required-fields';

/** Fields a `default_get` answer fills: `false` is no value, except for a boolean. */
export function filledByDefaults(
  fields: CheckedModelFields,
  defaults: Readonly<Record<string, unknown>>,
): Set<string> {
  return new Set(
    Object.entries(defaults)
      .filter(([name, value]) => value !== false || fields[name]?.type === 'boolean')
      .map(([name]) => name),
  );
}

export function requiredProblems(
  target: CreateTarget,
  fields: CheckedModelFields,
  defaults: Readonly<Record<string, unknown>> | null,
): ConsistencyProblem[] {
  const { mapping, via } = target;
  if (requiredCandidates(fields).length === 0) return [];
  if (defaults === null) {
    return [
      mappingProblem(
        mapping,
        'fields',
        'warning',
        `Odoo did not tell the defaults of ${mapping.model} (default_get failed); its required fields were not checked`,
      ),
    ];
  }
  const input = {
    mapping,
    fields,
    odooDefaults: filledByDefaults(fields, defaults),
    covered: target.covered,
  };
  const missing = missingRequiredFields(input).map((name) =>
    via === undefined
      ? mappingProblem(
          mapping,
          'fields',
          'error',
          `${mapping.model} requires ${fieldLabel(fields, name)}, which has no default in Odoo and which no line or \`defaults\` entry writes: Odoo would refuse every create`,
          `map it with a required line, or add it to defaults`,
        )
      : lineProblem(
          via.line,
          via.index,
          'mapping',
          'error',
          `${mapping.model} records created through mapping "${mapping.name}" leave the required Odoo field ${fieldLabel(fields, name)} empty, and Odoo has no default for it`,
          `add a line for it to mapping "${mapping.name}"`,
        ),
  );
  const optional = optionalLinesOnRequiredFields(input).map(({ line, index, name }) =>
    lineProblem(
      line,
      index,
      'required',
      'warning',
      `Odoo requires ${mapping.model}.${name} and has no default for it; a create without "${line.key}" would be refused by Odoo`,
      'mark the line required: true, or give it a default',
    ),
  );
  return [...missing, ...optional];
}
