/**
 * Per-endpoint authentication of the shipped config, through the real app: none (countries), basic
 * (partner-tags) and bearer (customers), with right, wrong and missing credentials.
 */
import request from 'supertest';
import { Harness, SHOP_TOKEN, startHarness } from './support/gateway-harness';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('authentication per endpoint', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const api = () => request(h.url);

  function expectUnauthorized(res: request.Response, challenge: string): void {
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(challenge);
    expect(res.body).toEqual({
      success: false,
      error: expect.any(String),
      status_code: 'UNAUTHORIZED',
      line_id: null,
      request_id: res.headers['x-request-id'],
    });
  }

  describe('none (countries)', () => {
    test('when no credentials are sent, then the endpoint answers', async () => {
      const res = await api().get('/bj_api_sync/v1/countries/DE');
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ code: 'DE' });
    });

    test('when some Authorization header is sent anyway, then it is ignored', async () => {
      const res = await api().get('/bj_api_sync/v1/countries/DE').set('Authorization', 'Bearer whatever');
      expect(res.status).toBe(200);
    });
  });

  describe('basic (partner-tags)', () => {
    const challenge = 'Basic realm="partner-tags"';

    test('when the right user and password are sent, then 200', async () => {
      const res = await api()
        .get('/bj_api_sync/v1/partner-tags')
        .set('Authorization', basic('tags', 'tags-secret'));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
    });

    test('when the password is wrong, then 401 with the Basic challenge and no Odoo call', async () => {
      h.resetCalls();
      expectUnauthorized(
        await api().get('/bj_api_sync/v1/partner-tags').set('Authorization', basic('tags', 'tags-secreT')),
        challenge,
      );
      expectUnauthorized(
        await api().get('/bj_api_sync/v1/partner-tags').set('Authorization', basic('other', 'tags-secret')),
        challenge,
      );
      expect(h.objectCalls()).toEqual([]);
    });

    test('when no credentials are sent, then 401 with the Basic challenge', async () => {
      expectUnauthorized(await api().get('/bj_api_sync/v1/partner-tags'), challenge);
      expectUnauthorized(await api().post('/bj_api_sync/v1/partner-tags').send({ name: 'x' }), challenge);
    });

    test('when the header is malformed or another scheme, then 401 with the Basic challenge', async () => {
      for (const header of ['Basic', 'Basic !!!notbase64', `Bearer ${SHOP_TOKEN}`, 'tags:tags-secret']) {
        expectUnauthorized(
          await api().get('/bj_api_sync/v1/partner-tags').set('Authorization', header),
          challenge,
        );
      }
    });
  });

  describe('bearer (customers)', () => {
    test('when the right token is sent, then 200', async () => {
      const res = await api()
        .get('/bj_api_sync/v1/customers/C-1001')
        .set('Authorization', `Bearer ${SHOP_TOKEN}`);
      expect(res.status).toBe(200);
    });

    test('when a wrong token is sent, then 401 with error="invalid_token" and no Odoo call', async () => {
      h.resetCalls();
      const res = await api()
        .get('/bj_api_sync/v1/customers/C-1001')
        .set('Authorization', 'Bearer not-the-token');
      expectUnauthorized(res, 'Bearer realm="customers", error="invalid_token"');
      expect(h.objectCalls()).toEqual([]);
    });

    test('when no token is sent, then 401 with the plain Bearer challenge', async () => {
      expectUnauthorized(await api().get('/bj_api_sync/v1/customers'), 'Bearer realm="customers"');
      expectUnauthorized(await api().delete('/bj_api_sync/v1/customers/C-1001'), 'Bearer realm="customers"');
    });

    test('when Basic credentials are sent to a bearer endpoint, then 401', async () => {
      const res = await api()
        .get('/bj_api_sync/v1/customers')
        .set('Authorization', basic('tags', 'tags-secret'));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="customers"/);
    });

    test('when the token is given in the query string or the body instead of the header, then 401', async () => {
      const inQuery = await api().get(`/bj_api_sync/v1/customers?access_token=${SHOP_TOKEN}`);
      expect(inQuery.status).toBe(401);
      const inBody = await api().post('/bj_api_sync/v1/customers').send({ access_token: SHOP_TOKEN });
      expect(inBody.status).toBe(401);
    });

    test('when the shop token is used on products (configured with the same token), then the product is read', async () => {
      const res = await api()
        .get('/bj_api_sync/v1/products/SKU-001')
        .set('Authorization', `Bearer ${SHOP_TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ sku: 'SKU-001', name: 'Office Chair', list_price: 120.5 });
    });
  });
});
