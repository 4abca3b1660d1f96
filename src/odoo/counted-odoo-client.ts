/**
 * The shared Odoo client as one request sees it: every model call it makes (answered or not) is
 * counted with `onCall`, for the request's access-log line and audit rows. Counting by wrapping,
 * rather than reading the request from AsyncLocalStorage in the client's observer, keeps Node 20's
 * promise hooks off: they cost about a fifth of the gateway's CPU per request.
 */
import type { OdooCallOptions, OdooClient } from './odoo-client';

export function countedOdooClient(client: OdooClient, onCall: () => void): OdooClient {
  return {
    get protocol() {
      return client.protocol;
    },
    connection: () => client.connection(),
    version: () => client.version(),
    authenticate: () => client.authenticate(),
    executeKw<T = unknown>(
      model: string,
      method: string,
      args: unknown[],
      kwargs?: Record<string, unknown>,
      options?: OdooCallOptions,
    ): Promise<T> {
      return client.executeKw<T>(model, method, args, kwargs, options).finally(onCall);
    },
    load: () => client.load(),
    close: () => client.close(),
  };
}
