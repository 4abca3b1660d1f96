/**
 * PUT of a one2many given as nested objects with `x2many: replace`: once the records being updated are
 * known, the lines they have now are read (two reads for the whole request: the parents' one2many ids,
 * then each child's identifier), so that matching lines are updated `(1, id, vals)`, new ones added
 * `(0, 0, vals)` and the others removed `(2, id)` — instead of deleting and re-creating every line.
 */
import { EndpointDef, FieldLine } from '../config/types';
import { MappingLookup } from '../mapping/fields-catalog';
import { OdooRecord, relatedIds } from '../mapping/from-odoo';
import { ModelFields } from '../mapping/odoo-field-meta';
import { asObjects } from '../mapping/relation-values';
import { ExistingLines, replaceCommands } from '../mapping/to-odoo';
import { OdooClient } from '../odoo/odoo-client';

export interface ReplaceTarget {
  recordId: number;
  body: Record<string, unknown>;
  /** Prepared values, with replace lines (`[[5,0,0], [0,0,vals]…]`) still to be refined. */
  vals: Record<string, unknown>;
}

export interface RefineRequest {
  odoo: OdooClient;
  endpoint: EndpointDef;
  fields: ModelFields;
  lookup: MappingLookup;
  targets: readonly ReplaceTarget[];
}

export function replaceLinesOf(endpoint: EndpointDef, fields: ModelFields): FieldLine[] {
  return endpoint.fields.filter(
    (line) =>
      line.mapping && line.field && fields[line.field]?.type === 'one2many' && line.x2many === 'replace',
  );
}

/** The targets' values with their replace lines turned into commands on the existing lines, in order. */
export async function refineReplaceLines(request: RefineRequest): Promise<Record<string, unknown>[]> {
  const refined = request.targets.map((target) => ({ ...target.vals }));
  const lines = replaceLinesOf(request.endpoint, request.fields).filter((line) =>
    request.targets.some((target) => Array.isArray(target.vals[line.field ?? ''])),
  );
  if (lines.length === 0) return refined;
  const context = { ...request.endpoint.context };
  const parents = await request.odoo.executeKw<OdooRecord[]>(
    request.endpoint.model,
    'read',
    [[...new Set(request.targets.map((target) => target.recordId))]],
    { fields: lines.map((line) => line.field ?? ''), context },
    { readOnly: true },
  );
  const parentById = new Map(parents.map((parent) => [parent.id as number, parent]));
  for (const line of lines) {
    const existing = await existingLines(request, line, parents, context);
    const nested = request.lookup(line.mapping ?? '');
    if (!nested) continue;
    request.targets.forEach((target, position) => {
      const field = line.field ?? '';
      const commands = target.vals[field];
      const parent = parentById.get(target.recordId);
      if (!Array.isArray(commands) || !parent) return;
      const created = commands.filter((command): command is [0, 0, Record<string, unknown>] =>
        isCreate(command),
      );
      const objects = asObjects(target.body[line.key]);
      const pairs = objects.map((object, index) => ({ object, vals: created[index]?.[2] ?? {} }));
      const vals = refined[position] as Record<string, unknown>;
      vals[field] = replaceCommands(nested, pairs, existing(relatedIds(parent[field])));
    });
  }
  return refined;
}

/** The current lines of one one2many: one read of every child's identifier, for all parents at once. */
async function existingLines(
  request: RefineRequest,
  line: FieldLine,
  parents: readonly OdooRecord[],
  context: Record<string, unknown>,
): Promise<(ids: number[]) => ExistingLines> {
  const childModel = request.fields[line.field ?? '']?.relation;
  const match = request.lookup(line.mapping ?? '')?.identifier?.field;
  const childIds = parents.flatMap((parent) => relatedIds(parent[line.field ?? '']));
  const valueOf = new Map<number, string>();
  if (childModel && match && childIds.length > 0) {
    const children = await request.odoo.executeKw<OdooRecord[]>(
      childModel,
      'read',
      [childIds],
      { fields: [match], context },
      { readOnly: true },
    );
    for (const child of children) {
      const value = child[match];
      if (typeof value === 'string' || typeof value === 'number')
        valueOf.set(child.id as number, String(value));
    }
  }
  return (ids) => {
    const byValue = new Map<string, number>();
    for (const id of ids) {
      const value = valueOf.get(id);
      if (value !== undefined && !byValue.has(value)) byValue.set(value, id);
    }
    return { ids, byValue };
  };
}

function isCreate(command: unknown): boolean {
  return Array.isArray(command) && command[0] === 0 && typeof command[2] === 'object';
}
