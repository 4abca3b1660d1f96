import express from 'express';
import request from 'supertest';
import { SpecSources, createDocsRouter } from '../../../src/docs/docs-routes';
import {
  endpoint,
  gatewayConfig,
  line,
  shopConfig,
  shopModelFields,
} from '../../support/gateway-config-builder';

function appWith(sources: () => SpecSources): express.Express {
  const app = express();
  app.use(createDocsRouter(sources));
  return app;
}

describe('docs routes', () => {
  it('when openapi.json is fetched, then it is the OpenAPI document of the current config', async () => {
    const res = await request(appWith(() => ({ config: shopConfig() }))).get('/bj_api_sync/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/bj_api_sync/v1/customers');
  });

  it('when the config is reloaded, then openapi.json and postman.json follow it', async () => {
    let sources: SpecSources = { config: shopConfig() };
    const app = appWith(() => sources);
    const before = await request(app).get('/bj_api_sync/v1/openapi.json');
    expect(Object.keys(before.body.paths)).not.toContain('/bj_api_sync/v1/invoices');

    sources = { config: gatewayConfig([endpoint('invoices', 'account.move', [line('name')])]) };
    const after = await request(app).get('/bj_api_sync/v1/openapi.json');
    expect(Object.keys(after.body.paths)).toContain('/bj_api_sync/v1/invoices');
    expect(Object.keys(after.body.paths)).not.toContain('/bj_api_sync/v1/customers');
    const postman = await request(app).get('/bj_api_sync/v1/postman.json');
    expect(postman.body.item.map((item: { name: string }) => item.name)).toEqual(['invoices', 'gateway']);
  });

  it('when fields_get arrives for the same config, then the document is rebuilt with Odoo types', async () => {
    const config = shopConfig();
    let sources: SpecSources = { config };
    const app = appWith(() => sources);
    const untyped = await request(app).get('/bj_api_sync/v1/openapi.json');
    expect(untyped.body.components.schemas.orders.properties.state.enum).toBeUndefined();
    sources = { config, modelFields: shopModelFields() };
    const typed = await request(app).get('/bj_api_sync/v1/openapi.json');
    expect(typed.body.components.schemas.orders.properties.state.enum).toContain('draft');
  });

  it('when postman.json is fetched, then it is a Postman v2.1 collection', async () => {
    const res = await request(appWith(() => ({ config: shopConfig() }))).get('/bj_api_sync/v1/postman.json');
    expect(res.status).toBe(200);
    expect(res.body.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
  });

  it('when the docs page is asked without a trailing slash, then it redirects so its assets resolve', async () => {
    const res = await request(appWith(() => ({ config: shopConfig() }))).get('/bj_api_sync/docs');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('docs/');
  });

  it('when the docs page is fetched, then it is Swagger UI pointed at openapi.json, with its assets', async () => {
    const app = appWith(() => ({ config: shopConfig() }));
    const page = await request(app).get('/bj_api_sync/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="swagger-ui"></div>');
    const init = await request(app).get('/bj_api_sync/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain('"swaggerUrl": "../v1/openapi.json"');
    const bundle = await request(app).get('/bj_api_sync/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    const css = await request(app).get('/bj_api_sync/docs/swagger-ui.css');
    expect(css.status).toBe(200);
  });

  it('when an unknown or demo docs asset is asked, then the router lets the app answer 404', async () => {
    const app = appWith(() => ({ config: shopConfig() }));
    expect((await request(app).get('/bj_api_sync/docs/nope.js')).status).toBe(404);
    // swagger-ui-dist's demo page would show the petstore instead of this gateway.
    expect((await request(app).get('/bj_api_sync/docs/index.html')).status).toBe(404);
    expect((await request(app).get('/bj_api_sync/docs/swagger-initializer.js')).status).toBe(404);
  });
});
