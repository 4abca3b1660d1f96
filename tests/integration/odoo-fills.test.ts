/**
 * Required Odoo fields that Odoo fills itself although fields_get cannot tell (issue 13, item 13):
 * Odoo 18's sale.order.line.customer_lead is computed on create by a method without @api.depends, so
 * fields_get describes it like a plain required field. The simulator describes it the same way; the
 * shipped sale-order-line mapping says `odoo_fills: [customer_lead]`, and test-connection is green.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import type { ConsistencyProblem } from '../../src/ops/consistency-types';
import { Harness, REPO_ROOT, SHOP_AUTH, startHarness } from './support/gateway-harness';

const LINE_FILE = 'sale-order-line.yaml';
const TEST_CONNECTION = '/bj_api_sync/test-connection';

/** The shipped config/ with the sale-order-line mapping's `odoo_fills` line replaced by `odooFills`. */
function shippedConfigWith(odooFills: string | null): { configPath: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-odoo-fills-'));
  fs.cpSync(path.join(REPO_ROOT, 'config'), dir, { recursive: true });
  const file = path.join(dir, 'endpoints', LINE_FILE);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain('odoo_fills: [customer_lead]\n');
  fs.writeFileSync(file, text.replace('odoo_fills: [customer_lead]\n', odooFills ?? ''));
  return { configPath: path.join(dir, 'gateway.yaml'), remove: () => fs.rmSync(dir, { recursive: true }) };
}

async function problemsOf(harness: Harness): Promise<{ ok: boolean; problems: ConsistencyProblem[] }> {
  const res = await request(harness.url).get(TEST_CONNECTION);
  const body = res.body as {
    ok: boolean;
    endpoints: Array<{ problems: ConsistencyProblem[] }>;
    mappings: Array<{ problems: ConsistencyProblem[] }>;
  };
  const problems = [...body.endpoints, ...body.mappings].flatMap((entry) => entry.problems);
  return { ok: body.ok, problems };
}

describe('required Odoo fields that Odoo fills without saying so (customer_lead)', () => {
  describe('with the shipped config', () => {
    let harness: Harness;
    let odoo: ReturnType<typeof createOdooClient>;
    beforeAll(async () => {
      harness = await startHarness();
      odoo = createOdooClient(harness.config.settings.odoo);
    });
    afterAll(async () => {
      await odoo.close();
      await harness.close();
    });

    it('when the simulator describes sale.order.line.customer_lead, then like Odoo 18: required, stored, no depends, no default', async () => {
      const fields = await odoo.executeKw<Record<string, Record<string, unknown>>>(
        'sale.order.line',
        'fields_get',
        [['customer_lead']],
        { attributes: ['required', 'depends', 'store', 'readonly', 'related', 'compute'] },
      );
      expect(fields.customer_lead).toEqual({ required: true, depends: [], store: true, readonly: false });
      const defaults = await odoo.executeKw('sale.order.line', 'default_get', [['customer_lead']]);
      expect(defaults).toEqual({});
    });

    it('when a sale order with lines is created without customer_lead, then Odoo fills it (0 days)', async () => {
      const created = await request(harness.url)
        .post('/bj_api_sync/v1/sale-orders')
        .set(SHOP_AUTH)
        .send({ order_ref: 'LEAD-1', customer: 'C-1001', lines: [{ sku: 'SKU-001', quantity: 2 }] });
      expect(created.status).toBe(201);
      const lines = await odoo.executeKw<Array<{ customer_lead: number }>>(
        'sale.order.line',
        'search_read',
        [[['order_id', '=', (created.body as { id: number }).id]]],
        { fields: ['customer_lead'] },
      );
      expect(lines.map((line) => line.customer_lead)).toEqual([0]);
    });

    it('when the shipped config is checked, then test-connection is green', async () => {
      expect(await problemsOf(harness)).toEqual({ ok: true, problems: [] });
    });
  });

  it('when the sale-order-line mapping drops odoo_fills, then test-connection reports customer_lead missing', async () => {
    const config = shippedConfigWith(null);
    const harness = await startHarness({ configPath: config.configPath });
    try {
      const { ok, problems } = await problemsOf(harness);
      expect(ok).toBe(false);
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'sale-orders.yaml',
          severity: 'error',
          message: expect.stringContaining('leave the required Odoo field "customer_lead" (Lead Time) empty'),
        }),
      ]);
    } finally {
      await harness.close();
      config.remove();
    }
  });

  it('when odoo_fills names a field the model does not have, then an error at that entry with a fix', async () => {
    const config = shippedConfigWith('odoo_fills:\n  - customer_leed\n');
    const harness = await startHarness({ configPath: config.configPath });
    try {
      const { ok, problems } = await problemsOf(harness);
      expect(ok).toBe(false);
      const text = fs.readFileSync(path.join(REPO_ROOT, 'config/endpoints', LINE_FILE), 'utf8');
      const entryLine = text.split('\n').indexOf('odoo_fills: [customer_lead]') + 2;
      expect(problems).toContainEqual({
        file: LINE_FILE,
        line: entryLine,
        key: 'odoo_fills[0]',
        message: 'sale.order.line has no field "customer_leed"',
        hint: expect.stringContaining('customer_lead'),
        severity: 'error',
      });
    } finally {
      await harness.close();
      config.remove();
    }
  });
});
