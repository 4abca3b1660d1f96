/** The outbound push over the gateway's own Odoo client and change feed: what src/gateway.ts starts. */
import type { Registry } from 'prom-client';
import type winston from 'winston';
import type { GatewayConfig } from '../config/types';
import type { OdooClient } from '../odoo/odoo-client';
import type { ModelFieldsCache } from '../records/model-fields-cache';
import type { OutboundQueue } from '../store/outbound-queue';
import { readDepsFor } from '../records/read-deps';
import { changeFeedSource } from './change-source';
import { OutboundService, startOutbound } from './outbound-service';

export interface PushDeps {
  getConfig: () => GatewayConfig;
  odoo: OdooClient;
  fields: ModelFieldsCache;
  queue: OutboundQueue;
  logger: winston.Logger;
  registry: Registry;
}

export function startOutboundPush(deps: PushDeps): OutboundService {
  const { getConfig, odoo, fields, queue, logger, registry } = deps;
  // Read at each page, so the mappings and read plan follow config reloads.
  const source = changeFeedSource(() => readDepsFor({ odoo, fields, logger }, getConfig()));
  return startOutbound({ getConfig, queue, source, logger, registry });
}
