/**
 * Validates a spec with @seriousme/openapi-schema-validator. The package is ESM-only and jest runs
 * this project as CommonJS (no require(esm) on Node 20), so it runs in a child Node process.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

export interface SpecValidation {
  valid: boolean;
  errors?: unknown;
}

const SCRIPT = `
import { Validator } from '@seriousme/openapi-schema-validator';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = await new Validator().validate(JSON.parse(input));
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors ?? null }));
`;

const REPO_ROOT = path.resolve(__dirname, '../../..');

export function validateOpenApi(spec: object): Promise<SpecValidation> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      { cwd: REPO_ROOT, timeout: 15000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`validator process failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as SpecValidation);
      },
    );
    child.stdin?.end(JSON.stringify(spec));
  });
}
