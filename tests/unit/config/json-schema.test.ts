import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { generateJsonSchemas } from '../../../src/config/generate-json-schema';
import { checkJsonSchema } from './json-schema-check';

const { gateway, endpoint } = generateJsonSchemas();
const readYaml = (file: string): unknown => parse(fs.readFileSync(file, 'utf8'));
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const shippedEndpoints = fs
  .readdirSync('config/endpoints')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => path.join('config/endpoints', name));

describe('JSON Schemas generated from the joi schemas', () => {
  test('when generated, then they equal the committed schema/ files (run `npm run config:schema` after a change)', () => {
    expect(readJson('schema/gateway.schema.json')).toEqual(gateway);
    expect(readJson('schema/endpoint.schema.json')).toEqual(endpoint);
  });

  test('when the shipped gateway.yaml is checked, then the gateway schema accepts it', () => {
    expect(checkJsonSchema(gateway, readYaml('config/gateway.yaml'))).toEqual([]);
  });

  test.each(shippedEndpoints)('when %s is checked, then the endpoint schema accepts it', (file) => {
    expect(checkJsonSchema(endpoint, readYaml(file))).toEqual([]);
  });

  test('when the full valid fixture is checked, then the schemas accept it', () => {
    expect(checkJsonSchema(gateway, readYaml('tests/fixtures/config/valid/gateway.yaml'))).toEqual([]);
    expect(
      checkJsonSchema(endpoint, readYaml('tests/fixtures/config/valid/endpoints/customers.yaml')),
    ).toEqual([]);
  });

  test('when a file has an unknown key, then the schemas reject it', () => {
    expect(checkJsonSchema(endpoint, readYaml('tests/fixtures/config/unknown-line-key.yaml'))).toEqual([
      '$.fields[1].directon: not allowed',
    ]);
    expect(checkJsonSchema(gateway, readYaml('tests/fixtures/config/gateway-unknown-key.yaml'))).toEqual([
      '$.sever: not allowed',
    ]);
  });

  test('when a mapping file carries endpoint keys, or an endpoint lacks auth, then the schema rejects it', () => {
    expect(
      checkJsonSchema(endpoint, readYaml('tests/fixtures/config/mapping-with-endpoint-keys.yaml')),
    ).toEqual(['$.methods: not allowed']);
    expect(checkJsonSchema(endpoint, readYaml('tests/fixtures/config/missing-auth.yaml'))).toEqual([
      '$.auth: required',
    ]);
  });

  test('when bearer auth has no tokens, then the schema rejects it', () => {
    expect(checkJsonSchema(endpoint, readYaml('tests/fixtures/config/bearer-without-tokens.yaml'))).toEqual([
      '$.auth.tokens: required',
    ]);
  });

  test('when a domain uses an unknown operator, then the schema rejects it', () => {
    expect(checkJsonSchema(endpoint, readYaml('tests/fixtures/config/invalid-domain-operator.yaml'))).toEqual(
      ['$.domain[0]: matches no anyOf'],
    );
  });

  test('when objects are generated, then joi-to-json artefacts are gone', () => {
    const text = JSON.stringify({ gateway, endpoint });
    expect(text).not.toContain('"special"');
    expect(text).not.toMatch(/"pattern":"[^"]*\/[gimsuy]+"/); // no regex flags glued to a pattern
    expect(text).not.toContain('"format":"uri"');
  });
});
