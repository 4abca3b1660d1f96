/**
 * No Docker engine runs on the machines that build this project, so docker-compose.yml cannot be
 * brought up in CI; this checks what can be checked without one: the three services, their health
 * checks, the start order, and that the gateway gets every setting it needs from the environment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load-config';

const ROOT = path.resolve(__dirname, '../..');

interface Service {
  image?: string;
  build?: string;
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
  };
  const { db, odoo, gateway } = compose.services;

  test('when read, then it runs Postgres 16, Odoo 18 and the gateway built from this repo, each with a health check', () => {
    expect(db?.image).toBe('postgres:16');
    expect(odoo?.image).toBe('odoo:18');
    expect(gateway?.build).toBe('.');
    for (const service of [db, odoo]) expect(service?.healthcheck?.test.length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/HEALTHCHECK[\s\S]*\/health/);
  });

  test('when started, then each service waits for the one before it to be healthy', () => {
    expect(odoo?.depends_on?.db?.condition).toBe('service_healthy');
    expect(gateway?.depends_on?.odoo?.condition).toBe('service_healthy');
  });

  test('when the gateway starts, then its environment makes the shipped config point at the Odoo service', () => {
    const env = Object.fromEntries(
      Object.entries(gateway?.environment ?? {}).map(([key, value]) => [
        key,
        String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1'),
      ]),
    );
    const config = loadConfig({
      configPath: path.join(ROOT, 'config/gateway.yaml'),
      env: { ...env, NODE_ENV: 'production' },
    });
    expect(config.settings.odoo).toMatchObject({ url: 'http://odoo:8069', db: 'odoo', username: 'admin' });
    expect(gateway?.volumes).toContain('./config:/app/config:ro');
  });
});
