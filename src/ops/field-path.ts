/** Follows a dotted field path (`partner_id.country_id.code`) through the relations of a catalog. */
import { didYouMean } from '../config/did-you-mean';
import { walkPath } from '../mapping/fields-catalog';
import type { CheckedFieldMeta, ModelCatalog } from './model-catalog';

export type PathResult =
  /** `model` is the model that holds the last field. */
  | { kind: 'found'; meta: CheckedFieldMeta; model: string; name: string }
  | { kind: 'wrong'; message: string; hint?: string }
  /** A model on the way is missing or unreadable: reported elsewhere, nothing to say here. */
  | { kind: 'unknown' };

export function resolvePath(catalog: ModelCatalog, model: string, path: readonly string[]): PathResult {
  const walk = walkPath((name) => catalog.fields(name), model, path);
  const via = path.length > 1 ? ` (in the path "${path.join('.')}")` : '';
  switch (walk.kind) {
    case 'found':
      return { kind: 'found', meta: walk.meta, model: walk.model, name: walk.name };
    case 'no-field':
      return {
        kind: 'wrong',
        message: `${walk.model} has no field "${walk.name}"${via}`,
        hint: didYouMean(walk.name, walk.known),
      };
    case 'not-relation':
      return {
        kind: 'wrong',
        message: `${walk.model}.${walk.name} is a ${walk.meta.type} field, not a relation: the path "${path.join('.')}" cannot go on`,
      };
    default:
      return { kind: 'unknown' };
  }
}
