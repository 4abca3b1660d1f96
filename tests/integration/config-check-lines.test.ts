/**
 * config:check points at the line of the mistake itself: the key inside a list item written over
 * several lines, and the `model:`, `domain:` and `defaults:` lines of an endpoint file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runConfigCheck } from '../../src/cli/config-check';

let tmpDir: string;

beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-check-lines-'));
});

afterAll(() => {
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

function writeConfig(name: string, endpointLines: string[]): { gateway: string; file: string } {
  const dir = path.join(tmpDir, name);
  fs.mkdirSync(path.join(dir, 'endpoints'), { recursive: true });
  const gateway = path.join(dir, 'gateway.yaml');
  fs.writeFileSync(gateway, 'endpoints_dir: endpoints\n');
  const file = path.join(dir, 'endpoints', 'customers.yaml');
  fs.writeFileSync(file, [...endpointLines, ''].join('\n'));
  return { gateway, file: path.relative(process.cwd(), file).split(path.sep).join('/') };
}

async function problemLines(gateway: string): Promise<string[]> {
  const lines: string[] = [];
  await runConfigCheck([gateway, '--simulator'], {}, (line) => lines.push(line));
  return lines.filter((line) => line.includes('customers.yaml'));
}

describe('config:check line numbers', () => {
  it('when a mistake is on a later line of a list item, then that line is named, not the item start', async () => {
    const { gateway, file } = writeConfig('item', [
      '# Customers',
      'endpoint: customers',
      'model: res.partner',
      'methods: [GET, POST]',
      'auth: { type: none }',
      'fields:',
      '  - key: name',
      '    field: name',
      '    required: true',
      '  - key: country',
      '    field: country_id',
      '    relation:',
      '      model: res.country',
      '      match: cod',
      '  - key: mail',
      '    type: email',
      '    field: emial',
    ]);
    expect(await problemLines(gateway)).toEqual([
      `${file}:14 fields[1].relation.match: res.country has no field "cod" (did you mean "code"?)`,
      `${file}:17 fields[2].field: res.partner has no field "emial" (did you mean "email"?)`,
    ]);
  });

  it('when the model, a domain condition or a defaults key is wrong, then the model:, domain and defaults lines are named', async () => {
    const { gateway, file } = writeConfig('model-level', [
      '# Suppliers',
      '# (two comment lines, so the file starts at line 3)',
      'endpoint: customers',
      'model: res.partner',
      'methods: [GET, POST]',
      'auth: { type: none }',
      'domain:',
      "  - ['is_company', '=', true]",
      "  - ['supplier_rnk', '>', 0]",
      'defaults:',
      '  is_company: true',
      '  langue: en_US',
      'fields:',
      '  - { key: name, field: name, required: true }',
    ]);
    expect(await problemLines(gateway)).toEqual([
      `${file}:9 domain[1]: res.partner has no field "supplier_rnk" (did you mean "supplier_rank"?)`,
      `${file}:12 defaults.langue: res.partner has no field "langue" (did you mean "lang"?)`,
    ]);
    const missing = writeConfig('missing-model', [
      '# Invoices',
      '# need the Invoicing app',
      'endpoint: customers',
      'model: account.move',
      'methods: [GET]',
      'auth: { type: none }',
      'fields:',
      '  - { key: name, field: name }',
    ]);
    expect(await problemLines(missing.gateway)).toEqual([
      `${missing.file}:4 model: Odoo has no model "account.move" (check the technical model name and that its Odoo module is installed)`,
    ]);
  });
});
