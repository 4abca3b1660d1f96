/**
 * Serves the generated OpenAPI document, the Postman collection and the Swagger UI page. All three
 * follow hot reloads: they are built from the current sources on each request, and cached only for
 * as long as the config object (and the fields_get map) stay the same.
 */
import express, { Request, Response, Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { GatewayConfig } from '../config/types';
import { ModelFields } from '../mapping/odoo-field-meta';
import { JsonSchema } from './json-schema';
import { SpecInfo, buildOpenApi } from './openapi';
import { buildPostmanCollection } from './postman';

export interface SpecSources {
  config: GatewayConfig;
  modelFields?: ReadonlyMap<string, ModelFields>;
}

export const OPENAPI_PATH = '/bj_api_sync/v1/openapi.json';
export const POSTMAN_PATH = '/bj_api_sync/v1/postman.json';
export const DOCS_PATH = '/bj_api_sync/docs';

interface CachedDocs {
  modelFields: ReadonlyMap<string, ModelFields> | undefined;
  openapi?: JsonSchema;
  postman?: JsonSchema;
}

export function createDocsRouter(getSpecSources: () => SpecSources, info: SpecInfo = {}): Router {
  const cache = new WeakMap<GatewayConfig, CachedDocs>();
  const cached = ({ config, modelFields }: SpecSources): CachedDocs => {
    let entry = cache.get(config);
    if (!entry || entry.modelFields !== modelFields) {
      entry = { modelFields };
      cache.set(config, entry);
    }
    return entry;
  };

  const router = express.Router();
  router.get(OPENAPI_PATH, (_req: Request, res: Response) => {
    const sources = getSpecSources();
    const entry = cached(sources);
    entry.openapi ??= buildOpenApi(sources.config, sources.modelFields, info);
    res.json(entry.openapi);
  });
  router.get(POSTMAN_PATH, (_req: Request, res: Response) => {
    const sources = getSpecSources();
    const entry = cached(sources);
    entry.postman ??= buildPostmanCollection(sources.config, sources.modelFields);
    res.json(entry.postman);
  });
  router.use(DOCS_PATH, docsPageRouter());
  return router;
}

/**
 * The Swagger UI page and its static assets. The page loads the spec by URL (relative, so it keeps
 * working behind a proxy that adds a path prefix) instead of embedding it: a reload of the page
 * always shows the spec of the running configuration.
 */
function docsPageRouter(): Router {
  const page = express.Router();
  // Relative asset URLs (`./swagger-ui.css`) only resolve under the page when its URL ends in `/`.
  const html = swaggerUi.setup(undefined, {
    swaggerUrl: '../v1/openapi.json',
    customSiteTitle: 'Odoo sync gateway API',
  });
  page.get('/', (req, res, next) => {
    const pathname = req.originalUrl.split('?')[0] ?? '';
    if (!pathname.endsWith('/')) {
      res.redirect(301, `${pathname.slice(pathname.lastIndexOf('/') + 1)}/`);
      return;
    }
    html(req, res, next);
  });
  // swagger-ui-dist's own demo page and initializer load the petstore example: never serve them.
  page.get(['/index.html', '/swagger-initializer.js'], (_req, _res, next) => next('router'));
  page.use(swaggerUi.serveFiles(undefined, { swaggerUrl: '../v1/openapi.json' }));
  return page;
}
