/**
 * JSON-2 transport (Odoo 19+): `POST /json/2/<model>/<method>` with `Authorization: bearer <API key>`
 * (the configured password is the key), `X-Odoo-Database`, and a JSON body of named arguments
 * (json2-arguments.ts). There is no login: the client's one "login" is `res.users/context_get`, which
 * checks the key and yields the uid. Errors come as HTTP statuses (json2-errors.ts).
 */
import { OdooError } from '../errors/errors';
import { httpPost, HttpPostReply } from './http-post';
import { bindJson2Arguments, json2Result } from './json2-arguments';
import { json2ErrorOf } from './json2-errors';
import { toWireValue } from './odoo-values';
import {
  databaseHeader,
  endpointUrl,
  modelCallOf,
  OdooService,
  RpcCallTiming,
  RpcTransport,
  RpcTransportOptions,
} from './rpc-transport';
import { fetchVersionInfo } from './version-info';

export interface Json2TransportOptions extends RpcTransportOptions {
  apiKey: string;
}

export class Json2Transport implements RpcTransport {
  readonly observedAs = 'json2';
  readonly loginCall = { model: 'res.users', method: 'context_get' };

  constructor(private readonly options: Json2TransportOptions) {}

  async call(
    service: OdooService,
    method: string,
    params: unknown[],
    timing: RpcCallTiming,
  ): Promise<unknown> {
    if (service === 'common' && method === 'version') return fetchVersionInfo(this.options, timing);
    if (service === 'common' && method === 'authenticate') {
      const context = await this.callModel('res.users', 'context_get', [], {}, timing);
      return (context as { uid?: unknown } | null)?.uid;
    }
    const { model, method: modelMethod, args, kwargs } = modelCallOf(params);
    const result = await this.callModel(model, modelMethod, args, kwargs, timing);
    return json2Result(modelMethod, args, result);
  }

  private async callModel(
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown>,
    timing: RpcCallTiming,
  ): Promise<unknown> {
    const body = toWireValue(bindJson2Arguments(model, method, args, kwargs), 'arguments');
    const reply = await httpPost({
      url: endpointUrl(this.options.baseUrl, `json/2/${model}/${method}`),
      body: JSON.stringify(body),
      contentType: 'application/json',
      agent: this.options.agent,
      maxResponseBytes: this.options.maxResponseBytes,
      headers: { ...databaseHeader(this.options), Authorization: `bearer ${this.options.apiKey}` },
      ...timing,
    });
    if (reply.status !== 200) throw json2ErrorOf(reply, { model, method, secrets: [this.options.apiKey] });
    return parseResult(reply);
  }
}

function parseResult(reply: HttpPostReply): unknown {
  if (!/\bjson\b/i.test(reply.contentType)) {
    throw new OdooError('Odoo answered with HTTP 200 and a non-JSON body on JSON-2');
  }
  try {
    // The body is the bare return value: `[66]`, `true`, `5`, `null`...
    return JSON.parse(reply.body) as unknown;
  } catch {
    throw new OdooError('Odoo answered with a reply that is not valid JSON');
  }
}
