import type { RequestHandler } from 'express';
import type { AuthConfig } from '../config/types';
import { UnauthorizedError } from '../errors/errors';
import {
  createTokenMatcher,
  createUserMatcher,
  parseBasicAuthorization,
  parseBearerAuthorization,
} from './credentials';

/**
 * Per-endpoint authentication (and the `admin` one), built from the endpoint's `auth` of the config.
 * Every failure is the gateway's 401 JSON error with the challenge of the endpoint's scheme.
 */
export function createAuthMiddleware(auth: AuthConfig, realm: string): RequestHandler {
  const safeRealm = realm.replace(/[^\x20-\x7e]|["\\]/g, '');
  switch (auth.type) {
    case 'none':
      return (_req, _res, next) => next();
    case 'basic':
      return basicMiddleware(auth.users, safeRealm);
    case 'bearer':
      return bearerMiddleware(auth.tokens, safeRealm);
  }
}

function basicMiddleware(
  users: ReadonlyArray<{ username: string; password: string }>,
  realm: string,
): RequestHandler {
  const matchUser = createUserMatcher(users);
  const challenge = `Basic realm="${realm}"`;
  return (req, _res, next) => {
    const credentials = parseBasicAuthorization(req.headers.authorization);
    const username = credentials && matchUser(credentials.username, credentials.password);
    next(username === undefined ? new UnauthorizedError(challenge) : undefined);
  };
}

function bearerMiddleware(tokens: readonly string[], realm: string): RequestHandler {
  const matchToken = createTokenMatcher(tokens);
  return (req, _res, next) => {
    const header = req.headers.authorization;
    const token = parseBearerAuthorization(header);
    if (token !== undefined && matchToken(token)) return next();
    // RFC 6750 §3.1: say "invalid_token" only when a token was actually presented.
    const presented = header !== undefined && /^\s*Bearer\s+\S/i.test(header);
    next(new UnauthorizedError(`Bearer realm="${realm}"${presented ? ', error="invalid_token"' : ''}`));
  };
}
