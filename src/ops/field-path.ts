/** Follows a dotted field path (`partner_id.country_id.code`) through the relations of a catalog. */
import { didYouMean } from '../config/did-you-mean';
import type { CheckedFieldMeta, ModelCatalog } from './model-catalog';

export type PathResult =
  /** `model` is the model that holds the last field. */
  | { kind: 'found'; meta: CheckedFieldMeta; model: string; name: string }
  | { kind: 'wrong'; message: string; hint?: string }
  /** A model on the way is missing or unreadable: reported elsewhere, nothing to say here. */
  | { kind: 'unknown' };

export function resolvePath(catalog: ModelCatalog, model: string, path: readonly string[]): PathResult {
  let current = model;
  for (const [index, name] of path.entries()) {
    const fields = catalog.fields(current);
    if (!fields) return { kind: 'unknown' };
    const meta = fields[name];
    const via = path.length > 1 ? ` (in the path "${path.join('.')}")` : '';
    if (!meta) {
      return {
        kind: 'wrong',
        message: `${current} has no field "${name}"${via}`,
        hint: didYouMean(name, Object.keys(fields)),
      };
    }
    if (index === path.length - 1) return { kind: 'found', meta, model: current, name };
    if (!meta.relation) {
      return {
        kind: 'wrong',
        message: `${current}.${name} is a ${meta.type} field, not a relation: the path "${path.join('.')}" cannot go on`,
      };
    }
    current = meta.relation;
  }
  return { kind: 'unknown' };
}
