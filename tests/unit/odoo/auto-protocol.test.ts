import { acceptedReason, autoCandidates, fallbackReason } from '../../../src/odoo/auto-protocol';
import { CREDENTIALS_REFUSED_MESSAGE } from '../../../src/odoo/classify-fault';

describe('autoCandidates', () => {
  it.each([
    [19, ['json2', 'session']],
    [22, ['json2', 'session']],
    [18, ['session']],
    [17, ['session']],
    [16, []],
    [0, []],
  ])('when the server is Odoo %i, then auto tries %j before XML-RPC', (major, candidates) => {
    expect(autoCandidates(major)).toEqual(candidates);
  });
});

describe('auto reasons', () => {
  it('when JSON-2 accepted the credential, then the reason says it was taken as an API key', () => {
    expect(acceptedReason('json2', '19.0')).toBe('Odoo 19.0 accepted the credential as an API key on JSON-2');
  });

  it('when a session login succeeded, then the reason says so', () => {
    expect(acceptedReason('session', '18.0')).toBe('Odoo 18.0 accepted a session login with the credential');
  });

  it('when the server is older than 17, then the reason names the version, not a refusal', () => {
    expect(fallbackReason('16.0', 16, {})).toBe(
      'Odoo 16.0 is older than 17.0, so the gateway speaks XML-RPC to it',
    );
  });

  it('when the session login was refused, then the reason says why a credential may be refused there', () => {
    expect(fallbackReason('18.0', 18, { session: CREDENTIALS_REFUSED_MESSAGE })).toBe(
      'Odoo 18.0 did not accept the faster protocols (an API key, or a user with two-factor authentication, ' +
        `cannot log in a session), so the gateway speaks XML-RPC [session: ${CREDENTIALS_REFUSED_MESSAGE}]`,
    );
  });

  it('when the session routes are missing (a 404), then the reason gives that answer without the API key hint', () => {
    expect(
      fallbackReason('18.0', 18, { session: 'Odoo answered HTTP 404 on /web/session/authenticate' }),
    ).toBe(
      'Odoo 18.0 did not accept the faster protocols, so the gateway speaks XML-RPC ' +
        '[session: Odoo answered HTTP 404 on /web/session/authenticate]',
    );
  });

  it('when both JSON-2 and session were refused, then the reason lists both refusals', () => {
    expect(fallbackReason('19.0', 19, { json2: 'bad key', session: 'no login' })).toMatch(
      /\[json2: bad key; session: no login\]$/,
    );
  });
});
