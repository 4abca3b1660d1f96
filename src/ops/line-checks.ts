/**
 * Pure checks of one mapping's lines against Odoo's field definitions: the field exists (following
 * dotted paths), its type fits the line (relation, mapping, x2many, `type:`), the relation's model and
 * match field agree with Odoo, and writable lines do not target read-only fields.
 */
import { didYouMean } from '../config/did-you-mean';
import type { FieldLine, MappingDef } from '../config/types';
import { linePath } from '../mapping/fields-catalog';
import { RELATIONAL_TYPES, X2MANY_TYPES } from '../mapping/odoo-field-meta';
import type { ConsistencyProblem } from './consistency-types';
import { resolvePath } from './field-path';
import type { CheckedFieldMeta, ModelCatalog } from './model-catalog';
import { lineProblem } from './problem';
import { fittingTypes, typeFits } from './type-fit';

export interface LineCheckContext {
  catalog: ModelCatalog;
  mappings: ReadonlyMap<string, MappingDef>;
}

interface Found {
  line: FieldLine;
  index: number;
  meta: CheckedFieldMeta;
  /** `res.partner.country_id`, for messages. */
  label: string;
  dotted: boolean;
}

type Problems = ConsistencyProblem[];

/** Lines whose value is sent to Odoo on create or update. */
export function writesToOdoo(line: FieldLine): boolean {
  return line.field !== undefined && line.direction !== 'out' && line.compute === undefined;
}

export function checkMappingLines(mapping: MappingDef, ctx: LineCheckContext): Problems {
  return mapping.fields.flatMap((line, index) => checkLine(mapping, line, index, ctx));
}

function checkLine(mapping: MappingDef, line: FieldLine, index: number, ctx: LineCheckContext): Problems {
  if (line.field === undefined) return [];
  const path = linePath(line);
  const resolved = resolvePath(ctx.catalog, mapping.model, path);
  if (resolved.kind === 'unknown') return [];
  if (resolved.kind === 'wrong') {
    return [lineProblem(line, index, 'field', 'error', resolved.message, resolved.hint)];
  }
  const found: Found = {
    line,
    index,
    meta: resolved.meta,
    label: `${resolved.model}.${resolved.name}`,
    dotted: path.length > 1,
  };
  return [
    ...checkRelation(found, ctx),
    ...checkNestedMapping(found, ctx),
    ...checkX2many(found),
    ...checkValueType(found, ctx),
    ...checkReadonly(found),
    ...checkIdentifier(found),
  ];
}

function notRelational(found: Found, key: 'relation' | 'mapping'): Problems {
  if (RELATIONAL_TYPES.has(found.meta.type)) return [];
  return [
    lineProblem(
      found.line,
      found.index,
      key,
      'error',
      `${found.label} is a ${found.meta.type} field in Odoo; \`${key}\` needs a many2one, one2many or many2many field`,
      `remove \`${key}\` to map the plain value`,
    ),
  ];
}

function checkRelation({ line, index, meta, label }: Found, ctx: LineCheckContext): Problems {
  const relation = line.relation;
  if (!relation) return [];
  const problems = notRelational({ line, index, meta, label, dotted: false }, 'relation');
  if (problems.length > 0) return problems;
  if (meta.relation !== relation.model) {
    return [
      lineProblem(
        line,
        index,
        'relation.model',
        'error',
        `is ${relation.model}, but Odoo's ${label} points to ${meta.relation ?? 'no model'}`,
        meta.relation ? `use model: ${meta.relation}` : undefined,
      ),
    ];
  }
  const related = ctx.catalog.fields(relation.model);
  if (!related || related[relation.match]) return [];
  return [
    lineProblem(
      line,
      index,
      'relation.match',
      'error',
      `${relation.model} has no field "${relation.match}"`,
      didYouMean(relation.match, Object.keys(related)),
    ),
  ];
}

function checkNestedMapping(found: Found, ctx: LineCheckContext): Problems {
  const { line, index, meta, label } = found;
  if (line.mapping === undefined) return [];
  const problems = notRelational(found, 'mapping');
  if (problems.length > 0) return problems;
  const nested = ctx.mappings.get(line.mapping);
  if (!nested || nested.model === meta.relation) return [];
  return [
    lineProblem(
      line,
      index,
      'mapping',
      'error',
      `mapping "${nested.name}" is on ${nested.model}, but Odoo's ${label} points to ${meta.relation ?? 'no model'}`,
      `use a mapping whose model is ${meta.relation ?? 'the related model'}`,
    ),
  ];
}

function checkX2many({ line, index, meta, label }: Found): Problems {
  if (line.x2many === undefined || X2MANY_TYPES.has(meta.type)) return [];
  return [
    lineProblem(
      line,
      index,
      'x2many',
      'error',
      `${label} is a ${meta.type} field; x2many applies to one2many and many2many fields only`,
      'remove x2many',
    ),
  ];
}

/** The Odoo type the external value stands for: the match field of a relation, else the field. */
function valueMeta(
  found: Found,
  ctx: LineCheckContext,
): { meta: CheckedFieldMeta; label: string } | undefined {
  const relation = found.line.relation;
  if (!relation) return { meta: found.meta, label: found.label };
  const match = ctx.catalog.fields(relation.model)?.[relation.match];
  return match && { meta: match, label: `${relation.model}.${relation.match}` };
}

function checkValueType(found: Found, ctx: LineCheckContext): Problems {
  const { line, index } = found;
  // An expression stands between the external value and the field, and nested objects are objects.
  if (line.compute !== undefined || line.computeIn !== undefined || line.mapping !== undefined) return [];
  const target = valueMeta(found, ctx);
  if (!target) return [];
  const problems: Problems = [];
  const type = line.validate.type;
  if (type !== undefined && !X2MANY_TYPES.has(target.meta.type) && !typeFits(type, target.meta.type)) {
    const fitting = fittingTypes(target.meta.type);
    problems.push(
      lineProblem(
        line,
        index,
        'type',
        'error',
        `type: ${type} does not fit Odoo's ${target.meta.type} field ${target.label}`,
        fitting.length > 0 ? `use type: ${fitting.join(' or ')}, or no type` : 'remove type',
      ),
    );
  }
  problems.push(...checkEnum(found, target.meta, target.label));
  return problems;
}

function checkEnum({ line, index }: Found, meta: CheckedFieldMeta, label: string): Problems {
  const allowed = meta.type === 'selection' ? meta.selection?.map(([value]) => value) : undefined;
  const values = line.validate.enum;
  if (!allowed || !values) return [];
  const unknown = values.filter((value) => !allowed.includes(String(value)));
  if (unknown.length === 0) return [];
  return [
    lineProblem(
      line,
      index,
      'enum',
      'warning',
      `${unknown.map((value) => JSON.stringify(value)).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a value of Odoo's selection ${label}`,
      `Odoo accepts: ${allowed.join(', ')}`,
    ),
  ];
}

function checkReadonly({ line, index, meta, label, dotted }: Found): Problems {
  if (dotted || !writesToOdoo(line) || !meta.readonly) return [];
  return [
    lineProblem(
      line,
      index,
      'field',
      'warning',
      `${label} is read-only in Odoo; values written to it may be ignored`,
      'make the line direction: out if it is only read',
    ),
  ];
}

/** Types whose Odoo value compares equal to what a client sends: relational values read back as [id, name]. */
const IDENTIFIER_TYPES = new Set(['char', 'text', 'integer', 'float', 'monetary', 'selection', 'date']);

function checkIdentifier({ line, index, meta, label }: Found): Problems {
  if (!line.identifier || IDENTIFIER_TYPES.has(meta.type)) return [];
  return [
    lineProblem(
      line,
      index,
      'identifier',
      'error',
      `${label} is a ${meta.type} field and cannot identify a record`,
      'identify records by a plain field such as a reference code',
    ),
  ];
}
