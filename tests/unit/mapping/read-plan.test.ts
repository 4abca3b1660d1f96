import { fieldsToRead } from '../../../src/mapping/read-plan';
import { line, mapping } from '../../support/gateway-config-builder';

const people = mapping('people', 'res.partner', [
  line('id'),
  line('name'),
  line('country_name', { field: 'country_id.name', direction: 'out' }),
  line('secret', { field: 'comment', direction: 'in' }),
  line('label', { field: undefined, direction: 'out', compute: "name & ' ' & email" }),
]);
const catalog = new Map([
  ['res.partner', { name: { type: 'char' }, email: { type: 'char' }, comment: { type: 'text' } }],
]);

describe('fieldsToRead', () => {
  test('when every key is asked, then readable fields, dotted roots and the fields expressions use are read', () => {
    expect(fieldsToRead(people, catalog).sort()).toEqual(['country_id', 'email', 'name']);
  });

  test('when only some keys are asked, then only their fields are read', () => {
    expect(fieldsToRead(people, catalog, new Set(['name']))).toEqual(['name']);
  });

  test('when only the id is asked, then only the id is read (an empty list would make Odoo read every field)', () => {
    expect(fieldsToRead(people, catalog, new Set(['id']))).toEqual(['id']);
  });
});
