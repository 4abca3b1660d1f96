/** A throwaway config folder for a test: gateway.yaml pointing at the simulator's env, plus endpoint files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SIMULATOR_GATEWAY_YAML =
  'odoo:\n  url: ${ODOO_URL}\n  db: ${ODOO_DB}\n  username: ${ODOO_USERNAME}\n  password: ${ODOO_PASSWORD}\n';

export interface TempConfig {
  dir: string;
  configPath: string;
  remove(): void;
}

export function writeTempConfig(
  endpoints: Record<string, string>,
  gatewayYaml = SIMULATOR_GATEWAY_YAML,
): TempConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-test-config-'));
  fs.mkdirSync(path.join(dir, 'endpoints'));
  fs.writeFileSync(path.join(dir, 'gateway.yaml'), gatewayYaml);
  for (const [name, text] of Object.entries(endpoints))
    fs.writeFileSync(path.join(dir, 'endpoints', name), text);
  return {
    dir,
    configPath: path.join(dir, 'gateway.yaml'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
