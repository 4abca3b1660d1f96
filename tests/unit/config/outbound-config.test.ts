/**
 * An endpoint's `outbound:` block: defaults, the built settings, and the exact problems an ops person
 * reads (file:line key: message) for a wrong URL, missing or misplaced credentials, a secret written
 * in the file, and a backoff that starts above its cap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../../src/config/config-error';
import { loadConfigFiles } from '../../../src/config/load-config';
import { GatewayConfig } from '../../../src/config/types';

const GATEWAY = 'tests/fixtures/config/valid/gateway.yaml';
const HEAD =
  'endpoint: pushed\nmodel: res.partner\nauth: { type: none }\nfields:\n  - { key: name, field: name }\noutbound:\n';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbound-config-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Loads the endpoint with `block` as its outbound block (lines from 7 on). */
function load(block: string, env: Record<string, string> = {}): GatewayConfig {
  const file = path.join(dir, 'pushed.yaml');
  fs.writeFileSync(file, HEAD + block);
  return loadConfigFiles({ configPath: GATEWAY, env, endpointPaths: [file] });
}

function problems(block: string, env: Record<string, string> = {}): string[] {
  try {
    load(block, env);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.message.split('\n').map((line) => line.replace(/^.*?pushed\.yaml:/, ''));
    throw error;
  }
  throw new Error('expected a ConfigError');
}

test('when only a url is given, then the defaults of the issue apply', () => {
  const outbound = load('  url: https://receiver.example/hook\n').endpoints.get('pushed')?.outbound;
  expect(outbound).toEqual({
    url: 'https://receiver.example/hook',
    auth: { type: 'none' },
    events: ['create', 'update', 'archive'],
    intervalS: 10,
    batchSize: 1,
    timeoutMs: 10000,
    maxAttempts: 10,
    backoff: { initialMs: 1000, maxMs: 300000 },
  });
});

test('when the hmac secret comes from the environment, then it is built into the settings', () => {
  const config = load(
    '  url: http://127.0.0.1:9/hook\n  auth: { type: hmac, secret: "${PUSH_SECRET}" }\n  events: [archive]\n  batch_size: 50\n',
    { PUSH_SECRET: 's3cret' },
  );
  expect(config.endpoints.get('pushed')?.outbound).toMatchObject({
    auth: { type: 'hmac', secret: 's3cret' },
    events: ['archive'],
    batchSize: 50,
  });
});

test.each([
  [
    '  url: ftp://receiver.example/hook\n',
    '7 outbound.url: must be a valid uri with a scheme matching the http|https pattern',
  ],
  [
    '  url: https://r.example\n  auth: { type: hmac }\n',
    '8 outbound.auth.secret: `type: hmac` needs secret (secret: "${OUTBOUND_SECRET}")',
  ],
  [
    '  url: https://r.example\n  auth: { type: bearer, token: "${T}", secret: "${T}" }\n',
    '8 outbound.auth.secret: is not used by `type: bearer`',
  ],
  [
    '  url: https://r.example\n  auth:\n    type: hmac\n    secret: written-in-the-file\n',
    '10 outbound.auth.secret: is written in the file: a secret must come from the environment (secret: "${OUTBOUND_SECRET}")',
  ],
  [
    '  url: https://r.example\n  backoff: { initial_ms: 5000, max_ms: 1000 }\n',
    '8 outbound.backoff.initial_ms: is larger than max_ms (1000)',
  ],
  [
    '  url: https://user:pw@r.example/hook\n',
    '7 outbound.url: must not hold credentials (they would be logged and stored with it) (use outbound.auth)',
  ],
  [
    '  url: https://r.example\n  events: [create, delete]\n',
    '8 outbound.events[1]: must be one of create, update, archive',
  ],
])('when the block is wrong (%#), then the problem names the line and the fix', (block, expected) => {
  expect(problems(block, { T: 'token' })).toEqual([expected]);
});
