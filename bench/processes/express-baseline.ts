/**
 * Child process entry: the "minimal Express route" baseline. The same URLs as the gateway's customers
 * endpoint, the same Odoo calls (customer-calls.ts) through the gateway's own Odoo client, and nothing
 * else: no auth, no validation, no mapping, no logging. What the gateway does beyond this is its overhead.
 */
import express, { Request, Response } from 'express';
import { createOdooClient } from '../../src/odoo/create-odoo-client';
import {
  createCustomer,
  CustomerBody,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../odoo/customer-calls';
import type { OdooExec } from '../odoo/odoo-exec';

const env = process.env;
const odoo = createOdooClient({
  url: env.ODOO_URL ?? '',
  db: env.ODOO_DB ?? '',
  username: env.ODOO_USERNAME ?? '',
  password: env.ODOO_PASSWORD ?? '',
  timeoutMs: 15_000,
  connectTimeoutMs: 5000,
  maxConcurrency: Number(env.ODOO_MAX_CONCURRENCY ?? 8),
  // The gateway's protocol, so that the comparison isolates the gateway's own work.
  protocol: env.ODOO_PROTOCOL === 'jsonrpc' ? 'jsonrpc' : 'xmlrpc',
});
const exec: OdooExec = (model, method, args, kwargs) => odoo.executeKw(model, method, args, kwargs);

const app = express();
app.use(express.json({ limit: '1mb' }));
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});
app.get('/bj_api_sync/v1/customers', async (req: Request, res: Response) => {
  res.json({ data: await listCustomers(exec, Number(req.query.limit ?? 100)) });
});
app.get('/bj_api_sync/v1/customers/:ref', async (req: Request, res: Response) => {
  res.json({ data: await getCustomer(exec, String(req.params.ref)) });
});
app.post('/bj_api_sync/v1/customers', async (req: Request, res: Response) => {
  res.status(201).json({ id: await createCustomer(exec, req.body as CustomerBody) });
});
app.put('/bj_api_sync/v1/customers/:ref', async (req: Request, res: Response) => {
  await updateCustomer(exec, String(req.params.ref), req.body as CustomerBody);
  res.json({ ok: true });
});

const server = app.listen(Number(env.PORT ?? 0), env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => {
  server.close(() => void odoo.close().then(() => process.exit(0)));
  server.closeAllConnections();
});
