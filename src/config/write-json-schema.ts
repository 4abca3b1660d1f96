/**
 * Writes schema/gateway.schema.json and schema/endpoint.schema.json (run after changing a joi schema:
 * `npm run config:schema`). A test fails when the committed files differ from the generated ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateJsonSchemas } from './generate-json-schema';

export function writeJsonSchemas(dir: string): string[] {
  const { gateway, endpoint } = generateJsonSchemas();
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, schema] of [
    ['gateway.schema.json', gateway],
    ['endpoint.schema.json', endpoint],
  ] as const) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  writeJsonSchemas(path.resolve(process.argv[2] ?? 'schema'));
}
