import { MappingDef } from '../../../src/config/types';
import { OdooRecord, fromOdooRecord } from '../../../src/mapping/from-odoo';
import { buildReadSpec } from '../../../src/mapping/read-spec';
import { RelatedStore } from '../../../src/mapping/related-store';
import { flattenWebRecords } from '../../../src/mapping/web-records';
import { line, mapping } from '../../support/gateway-config-builder';
import { BATCH_A_RENDERED, catalog, customers, lookup, recordedCase } from './web-read-fixtures';

function render(records: readonly OdooRecord[], store: RelatedStore, target: MappingDef = customers) {
  return records.map((record) => fromOdooRecord(target, record, { catalog, lookup, related: store }));
}

describe('flattenWebRecords', () => {
  test.each([
    ['odoo-18.0-session.json', 1215, 1216],
    ['odoo-19.0-json2.json', 69, 70],
  ])(
    'when %s web_read answers nested relations, then the records render as a classic read renders them',
    (file, id, childId) => {
      const answer = recordedCase(file, 'web_read').result as OdooRecord[];
      const store = new RelatedStore();
      const records = flattenWebRecords(buildReadSpec(customers, catalog, lookup), answer, store);
      expect(records[0]).toMatchObject({
        id,
        country_id: [20, 'Belgium'],
        category_id: [expect.any(Number)],
        child_ids: [childId, childId + 1],
      });
      expect(store.get('res.country', 20)).toEqual({ id: 20, code: 'BE', display_name: 'Belgium' });
      expect(render(records, store)).toEqual([
        {
          name: 'Transcript Web Co',
          email: 'web@example.com',
          is_company: true,
          country: 'BE',
          tags: ['Transcript Web Tag'],
          contacts: [
            { name: 'Transcript Child 1', email: 'c1-new@example.com' },
            { name: 'Transcript Child 2', email: 'c2@example.com' },
          ],
        },
        {
          name: expect.stringMatching(/^Transcript (Session|JSON2) Co$/),
          email: expect.stringMatching(/@example\.com$/),
          is_company: true,
          country: 'BE',
          tags: ['Transcript Tag'],
          contacts: [],
        },
      ]);
    },
  );

  test('when web_search_read answers empty relations, then they render as null and empty lists', () => {
    const answer = recordedCase('odoo-18.0-session.json', 'web_search_read').result as {
      records: OdooRecord[];
    };
    const store = new RelatedStore();
    const records = flattenWebRecords(buildReadSpec(customers, catalog, lookup), answer.records, store);
    expect(render(records, store)[0]).toEqual(BATCH_A_RENDERED);
  });

  test('when a dotted path goes through two many2ones, then each level lands in the store and the path renders', () => {
    const people = mapping('people', 'res.partner', [
      line('parent', { field: 'parent_id' }),
      line('parent_country', { field: 'parent_id.country_id.code', direction: 'out' }),
    ]);
    const answer = [
      {
        id: 7,
        parent_id: {
          id: 3,
          display_name: 'Acme',
          country_id: { id: 20, display_name: 'Belgium', code: 'BE' },
        },
      },
      { id: 8, parent_id: false },
    ];
    const store = new RelatedStore();
    const records = flattenWebRecords(buildReadSpec(people, catalog, lookup), answer, store);
    expect(records).toEqual([
      { id: 7, parent_id: [3, 'Acme'] },
      { id: 8, parent_id: false },
    ]);
    expect(store.get('res.partner', 3)).toEqual({ id: 3, display_name: 'Acme', country_id: [20, 'Belgium'] });
    expect(render(records, store, people)).toEqual([
      { parent: 3, parent_country: 'BE' },
      { parent: null, parent_country: null },
    ]);
  });
});
