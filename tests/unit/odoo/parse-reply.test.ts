import { OdooError } from '../../../src/errors/errors';
import { readEnvelope } from '../../../src/odoo/jsonrpc-transport';
import { parseMethodResponse } from '../../../src/odoo/xmlrpc-transport';
import recorded from './fixtures/odoo-18.0-replies.json';

const reply = (value: string): string =>
  `<?xml version="1.0"?><methodResponse><params><param><value>${value}</value></param></params></methodResponse>`;

describe('parseMethodResponse', () => {
  it.each(recorded.cases.map((c) => [c.name, c] as const))(
    'when Odoo sends the recorded %s reply, then the parsed value equals the recorded result',
    async (_name, recordedCase) => {
      await expect(parseMethodResponse(recordedCase.response_body)).resolves.toEqual(recordedCase.result);
    },
  );

  it('when the reply is an HTML page, then it is an OdooError, not a parse crash', async () => {
    await expect(parseMethodResponse('<html><body>502 Bad Gateway</body></html>')).rejects.toBeInstanceOf(
      OdooError,
    );
  });

  it('when the reply holds base64, then it comes back as base64 text without a deprecation warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      await expect(parseMethodResponse(reply('<base64>aGVs\nbG8=</base64>'))).resolves.toBe('aGVsbG8=');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('when the reply holds a dateTime.iso8601, then it reads as an Odoo UTC string whatever the local zone', async () => {
    await expect(
      parseMethodResponse(reply('<dateTime.iso8601>20240501T13:45:00</dateTime.iso8601>')),
    ).resolves.toBe('2024-05-01 13:45:00');
  });

  it('when the reply holds nil, then it is null', async () => {
    await expect(parseMethodResponse(reply('<nil/>'))).resolves.toBeNull();
  });
});

describe('readEnvelope', () => {
  it('when the JSON-RPC reply has a result, then it is returned', () => {
    expect(readEnvelope('{"jsonrpc":"2.0","id":1,"result":[{"id":20}]}')).toEqual([{ id: 20 }]);
  });

  it('when the JSON-RPC reply is not JSON, then it is an OdooError', () => {
    expect(() => readEnvelope('<html>')).toThrow(OdooError);
  });
});
