/**
 * What reading records needs, built one way for every reader: an API request (app.ts) and the
 * outbound push's change feed (src/outbound/start-push.ts), so both read with the configuration in
 * force and both log a failing `compute` expression.
 */
import type winston from 'winston';
import type { GatewayConfig } from '../config/types';
import type { OdooClient } from '../odoo/odoo-client';
import type { ModelFieldsCache } from './model-fields-cache';
import type { ReadDeps } from './record-reader';

export interface ReadDepsSources {
  odoo: OdooClient;
  fields: ModelFieldsCache;
  logger: winston.Logger;
}

/** `requestId`: the request the reads serve, named on its log lines (none for background reads). */
export function readDepsFor(sources: ReadDepsSources, config: GatewayConfig, requestId?: string): ReadDeps {
  return {
    odoo: sources.odoo,
    fields: sources.fields,
    lookup: (name) => config.mappings.get(name),
    readPlan: config.settings.odoo.readPlan,
    onExpressionError: (key, message) =>
      sources.logger.warn('compute expression failed', {
        key,
        error: message,
        ...(requestId !== undefined ? { request_id: requestId } : {}),
      }),
  };
}
