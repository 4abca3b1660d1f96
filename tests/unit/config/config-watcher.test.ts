import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../../src/config/config-error';
import { ConfigWatcher, watchConfig } from '../../../src/config/config-watcher';
import { GatewayConfig } from '../../../src/config/types';

const ENDPOINT = (name: string, model = 'res.partner'): string =>
  `endpoint: ${name}\nmodel: ${model}\nauth: { type: none }\nfields:\n  - { key: name, field: name }\n`;

interface Harness {
  dir: string;
  watcher: ConfigWatcher;
  next(): Promise<{ config?: GatewayConfig; error?: unknown }>;
}

const harnesses: Harness[] = [];

function start(): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-watch-'));
  fs.mkdirSync(path.join(dir, 'endpoints'));
  fs.writeFileSync(path.join(dir, 'gateway.yaml'), 'logging: { level: info }\n');
  fs.writeFileSync(path.join(dir, 'endpoints', 'customers.yaml'), ENDPOINT('customers'));
  const events: Array<{ config?: GatewayConfig; error?: unknown }> = [];
  let wake: (() => void) | undefined;
  const push = (event: { config?: GatewayConfig; error?: unknown }): void => {
    events.push(event);
    wake?.();
  };
  const watcher = watchConfig({
    configPath: path.join(dir, 'gateway.yaml'),
    env: {},
    debounceMs: 50,
    onReload: (config) => push({ config }),
    onError: (error) => push({ error }),
  });
  const next = async (): Promise<{ config?: GatewayConfig; error?: unknown }> => {
    while (events.length === 0) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    return events.shift() ?? {};
  };
  const harness = { dir, watcher, next };
  harnesses.push(harness);
  return harness;
}

afterEach(() => {
  for (const { dir, watcher } of harnesses.splice(0)) {
    watcher.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('watchConfig', () => {
  test('when gateway.yaml is edited, then onReload gets the new frozen config', async () => {
    const { dir, next } = start();
    fs.writeFileSync(path.join(dir, 'gateway.yaml'), 'logging: { level: debug }\n');
    const { config } = await next();
    expect(config?.settings.logging.level).toBe('debug');
    expect(Object.isFrozen(config?.settings)).toBe(true);
  });

  test('when an editor replaces an endpoint file by rename, then the change is picked up', async () => {
    const { dir, next } = start();
    const temp = path.join(dir, 'endpoints', '.customers.yaml.swp');
    fs.writeFileSync(temp, ENDPOINT('customers', 'res.users'));
    fs.renameSync(temp, path.join(dir, 'endpoints', 'customers.yaml'));
    const { config } = await next();
    expect(config?.endpoints.get('customers')?.model).toBe('res.users');
  });

  test('when a new endpoint file appears, then it is served after the reload', async () => {
    const { dir, next } = start();
    fs.writeFileSync(path.join(dir, 'endpoints', 'tags.yml'), ENDPOINT('tags', 'res.partner.category'));
    const { config } = await next();
    expect([...(config?.endpoints.keys() ?? [])].sort()).toEqual(['customers', 'tags']);
  });

  test('when a change makes the config invalid, then onError is told and onReload is not called', async () => {
    const { dir, next } = start();
    fs.writeFileSync(
      path.join(dir, 'endpoints', 'customers.yaml'),
      ENDPOINT('customers').replace('name }', 'name, directon: out }'),
    );
    const { config, error } = await next();
    expect(config).toBeUndefined();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('fields[0].directon: unknown key (did you mean "direction"?)');
  });

  test('when reloadNow is called, then it resolves true for a valid config and false for an invalid one', async () => {
    const { dir, watcher, next } = start();
    await expect(watcher.reloadNow()).resolves.toBe(true);
    expect((await next()).config?.endpoints.has('customers')).toBe(true);
    fs.writeFileSync(path.join(dir, 'gateway.yaml'), 'server: { port: many }\n');
    await expect(watcher.reloadNow()).resolves.toBe(false);
    expect((await next()).error).toBeInstanceOf(ConfigError);
  });

  test('when rapid edits follow each other, then they cause a single reload', async () => {
    const { dir, next } = start();
    for (const level of ['warn', 'error', 'debug']) {
      fs.writeFileSync(path.join(dir, 'gateway.yaml'), `logging: { level: ${level} }\n`);
    }
    expect((await next()).config?.settings.logging.level).toBe('debug');
    const more = await Promise.race([
      next(),
      new Promise((resolve) => setTimeout(() => resolve('quiet'), 300)),
    ]);
    expect(more).toBe('quiet');
  });

  test('when closed, then later edits are ignored', async () => {
    const { dir, watcher, next } = start();
    watcher.close();
    fs.writeFileSync(path.join(dir, 'gateway.yaml'), 'logging: { level: debug }\n');
    const outcome = await Promise.race([
      next(),
      new Promise((resolve) => setTimeout(() => resolve('quiet'), 300)),
    ]);
    expect(outcome).toBe('quiet');
    await expect(watcher.reloadNow()).resolves.toBe(false);
  });
});
