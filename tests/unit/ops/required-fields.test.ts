/**
 * Which required Odoo fields a create must fill: not those Odoo fills itself (related, computed).
 * The field descriptions start from what Odoo 18 really answered to fields_get (the recorded
 * transcript), with the attributes the check also asks for (`depends`, `store`, `related`) set the way
 * Odoo sets them for each kind of field.
 */
import { parseXmlRpcResponse } from '../../../src/wire/xmlrpc-parser';
import type { CheckedFieldMeta, CheckedModelFields } from '../../../src/ops/model-catalog';
import { filledByOdoo, requiredCandidates } from '../../../src/ops/required-fields';
import { transcriptCases } from '../odoo/transcript-cases';

/** res.partner's fields as Odoo 18 described them over XML-RPC. */
function recordedPartnerFields(): Record<string, CheckedFieldMeta> {
  const recorded = transcriptCases('odoo-18.0.json').find((entry) => entry.name === 'fields_get_partner');
  const reply = parseXmlRpcResponse(recorded!.response_body);
  if (!('value' in reply)) throw new Error('the recorded fields_get is a fault');
  return reply.value as Record<string, CheckedFieldMeta>;
}

const recorded = recordedPartnerFields();
/** A plain stored field as Odoo describes it: `depends: []`, `store: true`, no `related`. */
const plain = (meta: CheckedFieldMeta): CheckedFieldMeta => ({ ...meta, depends: [], store: true });

describe('filledByOdoo', () => {
  test('when the recorded field is plain (res.partner name made required), then Odoo does not fill it', () => {
    expect(recorded.name).toMatchObject({ type: 'char', required: false, readonly: false });
    expect(filledByOdoo(plain({ ...recorded.name!, required: true }))).toBeUndefined();
  });

  test('when a required stored field is computed with dependencies (precompute), then Odoo fills it', () => {
    const lead = { ...plain(recorded.credit_limit ?? recorded.name!), type: 'float', required: true };
    expect(filledByOdoo({ ...lead, depends: ['product_id'] })).toBe('computed');
  });

  test('when a server names the compute method, then Odoo fills it, even without dependencies', () => {
    const lead = { type: 'float', string: 'Lead Time', required: true, readonly: false, store: true };
    expect(filledByOdoo({ ...lead, depends: [], compute: '_compute_customer_lead' })).toBe('computed');
  });

  test('when the field has no column (store: false), then it can only be computed', () => {
    expect(filledByOdoo({ ...recorded.name!, required: true, depends: [], store: false })).toBe('computed');
  });

  test('when the field is related, then Odoo fills it through the relation', () => {
    expect(filledByOdoo({ ...plain(recorded.name!), related: 'commercial_partner_id.name' })).toBe('related');
  });
});

describe('requiredCandidates', () => {
  test('when sale.order.line has a computed required customer_lead and a plain required order_id, then only order_id must be written', () => {
    const fields: CheckedModelFields = {
      order_id: {
        type: 'many2one',
        string: 'Order',
        required: true,
        relation: 'sale.order',
        depends: [],
        store: true,
      },
      customer_lead: {
        type: 'float',
        string: 'Lead Time',
        required: true,
        readonly: false,
        store: true,
        depends: [],
        compute: '_compute_customer_lead',
      },
      name: { type: 'text', string: 'Description', required: true, depends: ['product_id'], store: true },
      state: {
        type: 'selection',
        string: 'Status',
        required: false,
        readonly: true,
        related: 'order_id.state',
        store: false,
      },
    };
    expect(requiredCandidates(fields)).toEqual(['order_id']);
  });
});
