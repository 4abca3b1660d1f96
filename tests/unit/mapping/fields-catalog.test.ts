import {
  completePaths,
  fieldMetaAt,
  linePath,
  missingPathModel,
  pathOf,
  pathsOf,
  walkPath,
} from '../../../src/mapping/fields-catalog';
import { ModelFields } from '../../../src/mapping/odoo-field-meta';
import { line, mapping } from '../../support/gateway-config-builder';
import { catalog } from './web-read-fixtures';

const fieldsIn = (source: ReadonlyMap<string, ModelFields>) => (model: string) => source.get(model);

describe('walkPath', () => {
  test('when a path goes through many2ones, then it ends on the last field and lists the models passed', () => {
    expect(walkPath(fieldsIn(catalog), 'res.partner', pathOf('parent_id.country_id.code'))).toEqual({
      kind: 'found',
      model: 'res.country',
      name: 'code',
      meta: { type: 'char' },
      models: ['res.partner', 'res.partner', 'res.country'],
    });
  });

  test('when a step is not a relation, then the walk says which field stops it', () => {
    expect(walkPath(fieldsIn(catalog), 'res.partner', ['name', 'code'])).toMatchObject({
      kind: 'not-relation',
      model: 'res.partner',
      name: 'name',
      index: 0,
    });
  });

  test('when a field does not exist (even one Object.prototype has), then the walk says no-field', () => {
    for (const name of ['nope', 'constructor']) {
      expect(walkPath(fieldsIn(catalog), 'res.country', [name])).toMatchObject({ kind: 'no-field', name });
    }
  });

  test('when a model on the way is not in the catalog, then the walk names it', () => {
    const partial = new Map([['res.partner', catalog.get('res.partner') ?? {}]]);
    expect(missingPathModel(partial, 'res.partner', 'country_id.code')).toBe('res.country');
    expect(fieldMetaAt(partial, 'res.partner', 'country_id.code')).toBeUndefined();
    expect(fieldMetaAt(catalog, 'res.partner', 'country_id.code')).toEqual({ type: 'char' });
  });
});

describe('paths of mappings', () => {
  test('when the same line is asked twice, then it is split once', () => {
    const dotted = line('country_code', { field: 'country_id.code', direction: 'out' });
    expect(linePath(dotted)).toBe(linePath(dotted));
    expect(linePath(dotted)).toEqual(['country_id', 'code']);
    expect(linePath(line('label', { field: undefined, compute: 'name' }))).toEqual([]);
  });

  test('when a nested mapping has dotted paths, then they are listed with its model', () => {
    const child = mapping('child', 'res.partner', [line('country_code', { field: 'country_id.code' })]);
    const top = mapping('top', 'sale.order', [
      line('name'),
      line('contact', { field: 'partner_id', mapping: 'child' }),
    ]);
    expect(pathsOf(top, () => child)).toEqual([{ model: 'res.partner', path: ['country_id', 'code'] }]);
  });

  test('when paths need models not fetched yet, then each is fetched once, step by step', async () => {
    const known = new Map<string, ModelFields>([
      ['sale.order', { partner_id: { type: 'many2one', relation: 'res.partner' } }],
    ]);
    const fetched: string[] = [];
    const fetch = async (model: string) => {
      fetched.push(model);
      known.set(model, catalog.get(model) ?? {});
    };
    const paths = [
      { model: 'sale.order', path: pathOf('partner_id.country_id.code') },
      { model: 'sale.order', path: pathOf('partner_id.name') },
    ];
    await completePaths(fieldsIn(known), fetch, paths);
    expect(fetched.sort()).toEqual(['res.country', 'res.partner']);
    expect(fieldMetaAt(known, 'sale.order', 'partner_id.country_id.code')).toEqual({ type: 'char' });
  });
});
