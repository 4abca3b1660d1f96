import { FieldLine, MappingDef } from '../../../src/config/types';
import { fieldsToRead } from '../../../src/mapping/read-plan';

const line = (key: string, field: string | undefined, extra: Partial<FieldLine> = {}): FieldLine => ({
  key,
  field,
  identifier: false,
  required: false,
  validate: {},
  direction: 'both',
  source: { file: 'test.yaml', line: 1 },
  ...extra,
});

const mapping: MappingDef = {
  name: 'people',
  model: 'res.partner',
  source: { file: 'test.yaml', line: 1 },
  fields: [
    line('id', 'id'),
    line('name', 'name'),
    line('country_name', 'country_id.name', { direction: 'out' }),
    line('secret', 'comment', { direction: 'in' }),
    line('label', undefined, { direction: 'out', compute: "name & ' ' & email" }),
  ],
};
const catalog = new Map([
  ['res.partner', { name: { type: 'char' }, email: { type: 'char' }, comment: { type: 'text' } }],
]);

describe('fieldsToRead', () => {
  test('when every key is asked, then readable fields, dotted roots and the fields expressions use are read', () => {
    expect(fieldsToRead(mapping, catalog).sort()).toEqual(['country_id', 'email', 'name']);
  });

  test('when only some keys are asked, then only their fields are read', () => {
    expect(fieldsToRead(mapping, catalog, new Set(['name']))).toEqual(['name']);
  });

  test('when only the id is asked, then only the id is read (an empty list would make Odoo read every field)', () => {
    expect(fieldsToRead(mapping, catalog, new Set(['id']))).toEqual(['id']);
  });
});
