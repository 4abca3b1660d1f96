import { GatewayError } from '../../src/errors/gateway-error';
import { createOdooClient, OdooClientSettings } from '../../src/odoo/create-odoo-client';
import type { OdooCallInfo, OdooClient } from '../../src/odoo/odoo-client';

/** Odoo clients for one test file: each built from the file's defaults, all closed after each test. */
export class TestClients {
  private readonly open: OdooClient[] = [];

  constructor(private readonly defaults: Omit<OdooClientSettings, 'url'>) {}

  create(url: string, overrides: Partial<OdooClientSettings> = {}, calls?: OdooCallInfo[]): OdooClient {
    const client = createOdooClient(
      { ...this.defaults, url, ...overrides },
      { onCallEnd: (info) => calls?.push(info) },
    );
    this.open.push(client);
    return client;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((client) => client.close()));
  }
}

/** The GatewayError `promise` rejects with; its message must not match `leaks` (secrets, tracebacks, HTML). */
export async function gatewayErrorOf(promise: Promise<unknown>, leaks: RegExp): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  expect(error.message).not.toMatch(leaks);
  return error;
}
