import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import passport from 'passport';
import { BasicStrategy } from 'passport-http';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import type { AuthConfig } from '../config/types';
import { UnauthorizedError } from '../errors/errors';

/**
 * Per-endpoint authentication, declared on the route. Passport parses the Authorization header and
 * drives the verify step; the comparison and the 401 are ours, so every failure has the gateway's
 * JSON error body and the exact challenge of the endpoint's scheme.
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

function basicMiddleware(users: ReadonlyArray<{ username: string; password: string }>, realm: string) {
  const matchUser = createUserMatcher(users);
  const authenticator = new passport.Passport();
  const strategy = new BasicStrategy({ realm, passReqToCallback: true }, (req, _user, _password, done) => {
    // passport-http splits on every ':' and drops the rest of a password that holds one: re-read it.
    const credentials = parseBasicAuthorization(req.headers.authorization);
    const username = credentials && matchUser(credentials.username, credentials.password);
    done(null, username === undefined ? false : { username });
  });
  authenticator.use('basic', strategy);
  const challenge = `Basic realm="${realm}"`;
  return passportMiddleware(authenticator, 'basic', () => challenge);
}

function bearerMiddleware(tokens: readonly string[], realm: string) {
  const matchToken = createTokenMatcher(tokens);
  const authenticator = new passport.Passport();
  authenticator.use(
    'bearer',
    new BearerStrategy({ realm }, (token: string, done: (error: unknown, user?: object | false) => void) =>
      done(null, matchToken(token) ? { scheme: 'bearer' } : false),
    ),
  );
  return passportMiddleware(authenticator, 'bearer', (header) =>
    // RFC 6750 §3.1: say "invalid_token" only when a token was actually presented.
    header !== undefined && /^Bearer\s+\S/i.test(header)
      ? `Bearer realm="${realm}", error="invalid_token"`
      : `Bearer realm="${realm}"`,
  );
}

function passportMiddleware(
  authenticator: passport.Authenticator,
  strategy: string,
  challengeFor: (authorization: string | undefined) => string,
): RequestHandler {
  return (req, res, next) => {
    const authorization = req.headers.authorization;
    // The strategy sees the Authorization header and nothing else: passport-http-bearer would also
    // take `access_token` from the body (a record's own field) or the query string (a secret in a
    // URL). Passport also decorates the request it is given (req.login…); the view absorbs that.
    const view = {
      headers: authorization === undefined ? {} : { authorization: normaliseAuthorization(authorization) },
    } as unknown as Request;
    const done = (error: unknown, user?: unknown): void => {
      if (error) return next(error);
      if (!user) return next(new UnauthorizedError(challengeFor(authorization)));
      next();
    };
    authenticator.authenticate(strategy, { session: false }, done)(view, res, next);
  };
}

/** `Basic   abc ` → `Basic abc`: the strategies split on one space and reject anything else. */
function normaliseAuthorization(header: string): string {
  return header.trim().replace(/^(\S+)\s+/, '$1 ');
}

export interface BasicCredentials {
  username: string;
  password: string;
}

/** RFC 7617: base64 of `user:pass`, the user ends at the FIRST colon, the password may hold more. */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const HASHED_CREDENTIAL = /^sha256:([0-9a-f]{64})$/i;

/**
 * The SHA-256 digest a presented secret is compared against: the configured hash as is, or the
 * digest of a plain value. Undefined for an empty value, which must never match (an unset
 * environment variable interpolates to "" and would otherwise open the endpoint).
 */
export function credentialDigest(configured: string): Buffer | undefined {
  const hashed = HASHED_CREDENTIAL.exec(configured);
  if (hashed?.[1]) return Buffer.from(hashed[1], 'hex');
  return configured === '' ? undefined : sha256(configured);
}

/** True when `given` is one of the tokens. Compares against all of them, in constant time each. */
export function createTokenMatcher(tokens: readonly string[]): (given: string) => boolean {
  const digests = tokens.map(credentialDigest);
  return (given) => {
    const givenDigest = sha256(given);
    let matched = false;
    for (const digest of digests) {
      const equal = digestEquals(digest, givenDigest);
      matched = equal || matched;
    }
    return matched;
  };
}

/** The matching username, or undefined. Checks every user, username and password alike. */
export function createUserMatcher(
  users: ReadonlyArray<{ username: string; password: string }>,
): (username: string, password: string) => string | undefined {
  const entries = users.map((user) => ({
    username: user.username,
    usernameDigest: user.username === '' ? undefined : sha256(user.username),
    passwordDigest: credentialDigest(user.password),
  }));
  return (username, password) => {
    const givenUser = sha256(username);
    const givenPassword = sha256(password);
    let matched: string | undefined;
    for (const entry of entries) {
      const userEqual = digestEquals(entry.usernameDigest, givenUser);
      const passwordEqual = digestEquals(entry.passwordDigest, givenPassword);
      if (userEqual && passwordEqual) matched = entry.username;
    }
    return matched;
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Stands in for an empty configured value, so that one still costs a comparison (flat timing). */
const EMPTY_STAND_IN = Buffer.alloc(32);

/** Both sides are 32-byte digests, so timingSafeEqual never sees different lengths. */
function digestEquals(configured: Buffer | undefined, given: Buffer): boolean {
  return timingSafeEqual(configured ?? EMPTY_STAND_IN, given) && configured !== undefined;
}
