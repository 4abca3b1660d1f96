/**
 * The push row's gateway config: the configured gateway.yaml and its endpoint files, copied into a
 * temp folder with one change, an `outbound:` block on the customers endpoint (the receiver's URL,
 * batches of 100, a poll every second, HMAC-signed with a secret the gateway reads from its
 * environment, as docs/outbound.md asks for secrets).
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { REPO_ROOT } from '../processes/gateway-child';

export const PUSH_ENDPOINT = 'customers';
export const PUSH_BATCH_SIZE = 100;
export const PUSH_INTERVAL_S = 1;
/** The environment variable the gateway child's config reads the signing secret from. */
export const PUSH_SECRET_ENV = 'BENCH_PUSH_SECRET';

/** An endpoint file's text with the outbound block set, or undefined when it is another endpoint. */
export function withOutbound(text: string, receiverUrl: string): string | undefined {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`an endpoint file does not parse: ${doc.errors[0]?.message}`);
  if (doc.get('endpoint') !== PUSH_ENDPOINT) return undefined;
  doc.set(
    'outbound',
    doc.createNode({
      url: receiverUrl,
      batch_size: PUSH_BATCH_SIZE,
      interval_s: PUSH_INTERVAL_S,
      auth: { type: 'hmac', secret: `\${${PUSH_SECRET_ENV}}` },
    }),
  );
  return doc.toString();
}

/** Writes gateway.yaml and endpoints/ into `dir`; returns the path of the gateway.yaml copy. */
export function writePushConfig(configPath: string, receiverUrl: string, dir: string): string {
  const source = path.resolve(REPO_ROOT, configPath);
  const doc = YAML.parseDocument(fs.readFileSync(source, 'utf8'));
  if (doc.errors.length > 0) throw new Error(`the gateway config does not parse: ${doc.errors[0]?.message}`);
  const written = doc.get('endpoints_dir');
  const endpointsSource = path.resolve(
    path.dirname(source),
    typeof written === 'string' ? written : 'endpoints',
  );
  const endpointsCopy = path.join(dir, 'endpoints');
  fs.mkdirSync(endpointsCopy, { recursive: true });
  let found = false;
  for (const name of fs.readdirSync(endpointsSource).filter((file) => /\.ya?ml$/i.test(file))) {
    const text = fs.readFileSync(path.join(endpointsSource, name), 'utf8');
    const pushing = withOutbound(text, receiverUrl);
    found ||= pushing !== undefined;
    fs.writeFileSync(path.join(endpointsCopy, name), pushing ?? text);
  }
  if (!found) throw new Error(`${configPath} has no "${PUSH_ENDPOINT}" endpoint to push`);
  doc.set('endpoints_dir', endpointsCopy);
  const file = path.join(dir, 'gateway-push.yaml');
  fs.writeFileSync(file, doc.toString());
  return file;
}
