/**
 * Who may call the admin routes (test-connection, /metrics): the `admin` auth of gateway.yaml. In
 * production without one, only callers on the gateway's own host: those routes tell Odoo's version,
 * the gateway's Odoo user id and every endpoint's model, and start a few dozen Odoo calls each.
 * Refusing to start instead would break every deployment that never scrapes them.
 */
import type { RequestHandler } from 'express';
import type { GatewaySettings } from '../config/types';
import { ForbiddenError } from '../errors/errors';
import { createAuthMiddleware } from './auth';

/** Headers a reverse proxy adds: then the loopback peer is the proxy, not the caller. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function createAdminAccess(settings: GatewaySettings): RequestHandler {
  const auth = settings.admin?.auth ?? { type: 'none' as const };
  if (auth.type !== 'none' || !settings.production) return createAuthMiddleware(auth, 'admin');
  return (req, _res, next) => {
    const proxied = PROXY_HEADERS.some((name) => req.headers[name] !== undefined);
    if (isLoopback(req.socket.remoteAddress) && !proxied) return next();
    next(
      new ForbiddenError(
        'This admin route answers only on the gateway host while NODE_ENV=production and gateway.yaml sets no admin auth; ops: set admin.auth to reach it from elsewhere',
      ),
    );
  };
}
