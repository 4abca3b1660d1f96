import Deserializer from 'xmlrpc/lib/deserializer';
import { PassThrough } from 'node:stream';
import { serializeXmlRpcCall, XmlRpcValueError } from '../../../src/wire/xmlrpc-call';
import { parseMethodCall } from '../../../src/wire/xmlrpc-parser';

/** What the reference implementation (the `xmlrpc` package) reads from our document. */
function readWithXmlrpcPackage(xml: string): Promise<{ method: string; params: unknown[] }> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    new Deserializer('utf8').deserializeMethodCall(stream, (error, method, params) =>
      error ? reject(error) : resolve({ method: method as string, params: params as unknown[] }),
    );
    stream.end(xml, 'utf8');
  });
}

const PARAMS = [
  'odoo',
  2,
  'pa<ss>&"word',
  'res.partner',
  'create',
  [
    [
      {
        name: 'Café & Co\r\nLine 2',
        is_company: true,
        rank: -3,
        price: 12.5,
        country_id: null,
        tags: [[6, 0, [1, 2]]],
      },
    ],
  ],
  { context: { lang: 'en_US' }, limit: 9_007_199_254_740_991 },
];

describe('serializeXmlRpcCall', () => {
  test('when a call is written, then the xmlrpc package and our parser read back the same values', async () => {
    const xml = serializeXmlRpcCall('execute_kw', PARAMS);
    await expect(readWithXmlrpcPackage(xml)).resolves.toEqual({ method: 'execute_kw', params: PARAMS });
    expect(parseMethodCall(xml)).toEqual({ methodName: 'execute_kw', params: PARAMS });
  });

  test('when a value holds a character XML cannot carry, then it is refused without quoting the value', () => {
    expect(() => serializeXmlRpcCall('login', ['db', 'user', 'secret\u0001'])).toThrow(XmlRpcValueError);
    expect(() => serializeXmlRpcCall('login', ['db', 'user', 'secret\u0001'])).not.toThrow(/secret/);
  });

  test('when a buffer is sent, then it travels as base64', () => {
    expect(serializeXmlRpcCall('m', [Buffer.from('hello')])).toContain('<base64>aGVsbG8=</base64>');
  });
});
