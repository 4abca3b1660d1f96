/**
 * No Docker engine runs on the machines that build this project, so docker-compose.yml cannot be
 * brought up in CI; this checks what can be checked without one: the services, their health checks,
 * the start order, the replicas behind nginx, the shared store, and that the gateway gets every
 * setting it needs from the environment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load-config';
import { resolveStoreSettings } from '../../src/store/store-settings';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  ports?: string[];
  expose?: string[];
  stop_grace_period?: string;
  volumes?: string[];
}

/** What compose makes of `${VAR:-default}` when VAR is unset. */
function withDefaults(environment: Service['environment']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment ?? {}).map(([key, value]) => [
      key,
      String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1'),
    ]),
  );
}

/** The value of an nginx directive (`name value;`) in the load balancer's configuration. */
function nginxDirective(conf: string, name: string): string {
  const match = new RegExp(`^\\s*${name}\\s+([^;\\n]+);`, 'm').exec(conf);
  if (!match?.[1]) throw new Error(`deploy/nginx/gateway.conf has no ${name}`);
  return match[1];
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };
  const { db, odoo, gateway, lb } = compose.services;
  const gatewayEnv = withDefaults(gateway?.environment);
  const nginx = read('deploy/nginx/gateway.conf');
  const config = loadConfig({
    configPath: path.join(ROOT, 'config/gateway.yaml'),
    env: { ...gatewayEnv, NODE_ENV: 'production' },
  });

  test('when read, then it runs Postgres 16, Odoo 18, the gateway built from this repo and nginx, each with a health check', () => {
    expect(db?.image).toBe('postgres:16');
    expect(odoo?.image).toBe('odoo:18');
    expect(gateway?.build).toBe('.');
    expect(lb?.image).toMatch(/^nginx:1\.(2[89]|[3-9]\d)/); // upstream `resolve` needs 1.27.3+
    for (const service of [db, odoo, lb]) expect(service?.healthcheck?.test.length).toBeGreaterThan(0);
    expect(read('Dockerfile')).toMatch(/HEALTHCHECK[\s\S]*\/health/);
  });

  test('when started, then each service waits for the ones it needs to be healthy', () => {
    expect(odoo?.depends_on?.db?.condition).toBe('service_healthy');
    expect(gateway?.depends_on?.db?.condition).toBe('service_healthy');
    expect(gateway?.depends_on?.odoo?.condition).toBe('service_healthy');
    expect(lb?.depends_on?.gateway?.condition).toBe('service_healthy');
  });

  test('when started, then three gateway replicas run unpublished and only nginx takes requests on 8080', () => {
    expect(gateway?.deploy?.replicas).toBe(3);
    expect(gateway?.ports).toBeUndefined(); // replicas cannot share one host port
    expect(lb?.ports).toEqual(['8080:8080']);
    expect(nginxDirective(nginx, 'listen')).toBe('8080');
    expect(lb?.volumes).toContain('./deploy/nginx/gateway.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  test('when replicas are added or restarted, then nginx finds them through Docker DNS on the port they listen on', () => {
    expect(nginxDirective(nginx, 'resolver')).toMatch(/^127\.0\.0\.11\b/);
    const server = nginxDirective(nginx, 'server').split(/\s+/);
    expect(server[0]).toBe(`gateway:${config.settings.server.port}`);
    expect(server).toContain('resolve');
    expect(gateway?.expose).toEqual([String(config.settings.server.port)]);
    expect(nginxDirective(nginx, 'proxy_pass')).toBe('http://gateway');
  });

  test('when a request is large or slow, then the gateway answers it, not nginx', () => {
    const megabytes = (size: string) => Number(/^(\d+)m/i.exec(size)?.[1]);
    expect(megabytes(nginxDirective(nginx, 'client_max_body_size'))).toBeGreaterThan(
      megabytes(String(config.settings.server.bodyLimit)),
    );
    const readTimeoutMs = Number(/^(\d+)s$/.exec(nginxDirective(nginx, 'proxy_read_timeout'))?.[1]) * 1000;
    expect(readTimeoutMs).toBeGreaterThan(config.settings.odoo.timeoutMs);
    // Node closes idle keep-alive sockets after 5 s; nginx must give them up first.
    expect(nginxDirective(nginx, 'keepalive_timeout')).toMatch(/^[1-4]s$/);
  });

  test('when the gateway starts, then its environment makes the shipped config point at the Odoo service', () => {
    expect(config.settings.odoo).toMatchObject({ url: 'http://odoo:8069', db: 'odoo', username: 'admin' });
    expect(config.settings.server.trustProxy).toBe(1); // nginx is one hop
    expect(gateway?.volumes).toContain('./config:/app/config:ro');
  });

  test('when the gateway starts, then every replica uses the store database the PostgreSQL service creates', () => {
    const store = resolveStoreSettings(undefined, gatewayEnv);
    expect(store.type).toBe('postgres');
    const url = new URL(store.url ?? '');
    expect(url.hostname).toBe('db');
    expect(url.password).toBe(''); // the password comes as PGPASSWORD, never in a URL that may be logged
    expect(gatewayEnv.PGPASSWORD).toBe(withDefaults(db?.environment).GATEWAY_STORE_PASSWORD);
    const init = read('deploy/postgres/init-gateway-store.sh');
    expect(init).toContain(`CREATE ROLE ${url.username} LOGIN PASSWORD :'store_password'`);
    expect(init).toContain(`CREATE DATABASE ${url.pathname.slice(1)} OWNER ${url.username}`);
    expect(db?.volumes).toContain(
      './deploy/postgres/init-gateway-store.sh:/docker-entrypoint-initdb.d/init-gateway-store.sh:ro',
    );
  });

  test('when Odoo and every replica connect, then PostgreSQL has connections for all of them', () => {
    const maxConnections = Number(/max_connections=(\d+)/.exec(db?.command?.join(' ') ?? '')?.[1]);
    const odooPool = 64; // Odoo's db_maxconn default
    const perReplica = 30; // store pool (10) + lock pool (20), docs/store.md
    expect(maxConnections).toBeGreaterThanOrEqual(odooPool + (gateway?.deploy?.replicas ?? 0) * perReplica);
  });

  test('when a replica is stopped, then Docker waits longer than the gateway drains before killing it', () => {
    const graceMs = Number(/^(\d+)s$/.exec(gateway?.stop_grace_period ?? '')?.[1]) * 1000;
    expect(graceMs).toBeGreaterThan(config.settings.shutdownTimeoutMs);
  });
});
