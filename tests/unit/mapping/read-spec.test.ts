import { buildReadSpec, toOdooSpecification } from '../../../src/mapping/read-spec';
import { line, mapping } from '../../support/gateway-config-builder';
import { catalog, customers, lookup, recordedCase } from './web-read-fixtures';

describe('buildReadSpec', () => {
  test('when a mapping has relation matches, tags and nested contacts, then the specification is the one the web client sends', () => {
    const recorded = recordedCase('odoo-18.0-session.json', 'web_read').params?.kwargs?.specification;
    expect(toOdooSpecification(buildReadSpec(customers, catalog, lookup))).toEqual(recorded);
  });

  test('when only some keys are asked, then only their fields are in the specification', () => {
    const spec = buildReadSpec(customers, catalog, lookup, new Set(['name', 'tags']));
    expect(toOdooSpecification(spec)).toEqual({ name: {}, category_id: { fields: { name: {} } } });
  });

  test('when a plain many2one is read, then its display_name is asked too, for the [id, name] pair', () => {
    const people = mapping('people', 'res.partner', [line('id'), line('parent', { field: 'parent_id' })]);
    expect(toOdooSpecification(buildReadSpec(people, catalog, lookup))).toEqual({
      parent_id: { fields: { display_name: {} } },
    });
  });

  test('when dotted paths share a root with a plain line, then one nested spec reads the union', () => {
    const people = mapping('people', 'res.partner', [
      line('parent', { field: 'parent_id' }),
      line('parent_country', { field: 'parent_id.country_id.code', direction: 'out' }),
      line('parent_email', { field: 'parent_id.email', direction: 'out' }),
    ]);
    expect(toOdooSpecification(buildReadSpec(people, catalog, lookup))).toEqual({
      parent_id: {
        fields: {
          display_name: {},
          country_id: { fields: { display_name: {}, code: {} } },
          email: {},
        },
      },
    });
  });

  test('when a compute expression reads fields, then those that are fields of the model are read', () => {
    const people = mapping('people', 'res.partner', [
      line('label', { field: undefined, direction: 'out', compute: "name & ' ' & $uppercase(phone) & nope" }),
    ]);
    expect(toOdooSpecification(buildReadSpec(people, catalog, lookup))).toEqual({ name: {}, phone: {} });
  });

  test('when a nested mapping nests itself, then the specification stops after 8 levels', () => {
    const tree = mapping('tree', 'res.partner', [
      line('name'),
      line('children', { field: 'child_ids', mapping: 'tree' }),
    ]);
    let spec = toOdooSpecification(buildReadSpec(tree, catalog, () => tree));
    let depth = 0;
    while (spec.child_ids?.fields) {
      spec = spec.child_ids.fields;
      depth += 1;
    }
    expect(depth).toBe(8);
    expect(spec).toEqual({ name: {}, child_ids: {} });
  });

  test('when only the id is asked, then the specification is empty (Odoo answers the ids alone)', () => {
    const people = mapping('people', 'res.partner', [line('id'), line('name')]);
    expect(toOdooSpecification(buildReadSpec(people, catalog, lookup, new Set(['id'])))).toEqual({});
  });
});
