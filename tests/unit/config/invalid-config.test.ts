/**
 * One fixture per invalid case (tests/fixtures/config/<case>.yaml); each test asserts the exact
 * message an ops person would read: `file:line key: message (hint)`.
 */
import { ConfigError } from '../../../src/config/config-error';
import { loadConfig, loadConfigFiles } from '../../../src/config/load-config';

const DIR = 'tests/fixtures/config';
const VALID_GATEWAY = `${DIR}/valid/gateway.yaml`;
const CONTACT = `${DIR}/valid/endpoints/contact.yaml`;
const CUSTOMERS = `${DIR}/valid/endpoints/customers.yaml`;

function endpointErrors(files: string[], env: Record<string, string> = {}): string {
  try {
    loadConfigFiles({ configPath: VALID_GATEWAY, env, endpointPaths: files });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function gatewayErrors(file: string, env: Record<string, string> = {}): string {
  try {
    loadConfig({ configPath: `${DIR}/${file}`, env });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const endpointCases: Array<[string, string[], string]> = [
  ['unknown-line-key', [], '9 fields[1].directon: unknown key (did you mean "direction"?)'],
  ['unknown-top-level-key', [], '4 page_sise: unknown key (did you mean "page_size"?)'],
  ['invalid-direction', [], '7 fields[0].direction: must be one of in, out, both (did you mean "out"?)'],
  ['duplicate-yaml-key', [], '4 model: duplicate key (first at line 2) (keep one of them)'],
  ['duplicate-line-key', [], '7 fields[2].key: "name" is already the key of fields[0] (line 5)'],
  [
    'duplicate-identifier',
    [],
    '6 fields[1].identifier: more than one identifier: fields[0] ("customer_id", line 5) is one already (keep `identifier: true` on one line)',
  ],
  [
    'unknown-mapping',
    [CONTACT],
    '6 fields[1].mapping: no endpoint or mapping is named "contcat" (did you mean "contact"?)',
  ],
  [
    'self-mapping-cycle',
    [],
    '6 fields[1].mapping: mapping cycle self-mapping-cycle → self-mapping-cycle: nested mappings must end (use `relation` on one of these lines to refer to records by a field instead of nesting them)',
  ],
  ['invalid-domain-operator', [], '4 domain[0][1]: unknown operator "=>" (did you mean ">="?)'],
  ['incomplete-domain', [], '5 domain[0]: "|" takes two terms after it, found 1'],
  ['invalid-method', [], '3 methods[1]: must be one of GET, POST, PUT, DELETE (did you mean "POST"?)'],
  [
    'bearer-without-tokens',
    [],
    '3 auth.tokens: bearer auth needs at least one token (tokens: ["${API_TOKEN}"])',
  ],
  [
    'missing-auth',
    [],
    '1 auth: is required: every endpoint says who may call it (add `auth: { type: none }` to make it public)',
  ],
  [
    'compute-does-not-compile',
    [],
    '8 fields[1].compute: expression does not compile: Expected ")" before end of expression (at character 20)',
  ],
  [
    'compute-on-in-line',
    [],
    '8 fields[0].compute: `compute` is an output value but this line is `direction: in` (use `compute_in`)',
  ],
  [
    'compute-in-on-out-line',
    [],
    '8 fields[0].compute_in: `compute_in` is an input value but this line is `direction: out` (use `compute`)',
  ],
  ['dotted-field-not-out', [], '6 fields[1].field: a dotted path can only be read (add `direction: out`)'],
  [
    'line-without-field',
    [],
    '6 fields[1]: line "phone" has neither `field` nor `compute` (name the Odoo field: `field: <name>`)',
  ],
  [
    'invalid-endpoint-name',
    [],
    '1 endpoint: must be 1-64 lowercase letters, digits, "-" or "_", starting with a letter or digit (it is part of the URL)',
  ],
  [
    'invalid-sha256-token',
    [],
    '5 auth.tokens[0]: a `sha256:` token must be followed by exactly 64 hexadecimal characters',
  ],
  [
    'relation-and-mapping',
    [CONTACT],
    '8 fields[0].mapping: `relation` and `mapping` exclude each other (`relation` refers to records by one field, `mapping` nests objects: keep one)',
  ],
  [
    'identifier-out',
    [],
    '5 fields[0].identifier: an identifier cannot be `direction: out` (it is matched against requests)',
  ],
  [
    'identifier-computed',
    [],
    '6 fields[1].identifier: an identifier cannot be computed (identify records by a stored Odoo field)',
  ],
  [
    'mapping-with-endpoint-keys',
    [],
    '3 methods: is only for endpoint files; a mapping file has no HTTP route (write `endpoint:` instead of `mapping:` to serve it)',
  ],
  ['endpoint-and-mapping', [], '2 mapping: a file has `endpoint` or `mapping`, not both'],
  [
    'unset-variable',
    [],
    '5 auth.tokens[0]: environment variable SHOP_TOKEN is not set (set it, or give a default: ${SHOP_TOKEN:-value})',
  ],
  [
    'invalid-yaml',
    [],
    '5: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }',
  ],
  ['empty-endpoint-file', [], '1: file is empty'],
  [
    'invalid-line-key-name',
    [],
    '5 fields[0].key: must not start with "-" nor hold spaces, commas or brackets (it is used in query strings)',
  ],
];

describe('invalid endpoint and mapping files', () => {
  test.each(endpointCases)(
    'when %s.yaml is loaded, then the error names its line and key',
    (name, extra, expected) => {
      expect(endpointErrors([`${DIR}/${name}.yaml`, ...extra])).toBe(`${DIR}/${name}.yaml:${expected}`);
    },
  );

  test('when a file has several problems, then every one is listed in line order', () => {
    const file = `${DIR}/several-problems.yaml`;
    expect(endpointErrors([file])).toBe(
      [
        `${file}:5 fields[0].feild: unknown key (did you mean "field"?)`,
        `${file}:6 fields[1].type: must be one of string, integer, number, boolean, date, datetime, email, url (did you mean "email"?)`,
      ].join('\n'),
    );
  });

  test('when basic auth has tokens instead of users, then both mistakes are named', () => {
    const file = `${DIR}/basic-without-users.yaml`;
    expect(endpointErrors([file])).toBe(
      [
        `${file}:3 auth.users: basic auth needs at least one user (users: [{ username: shop, password: "\${SHOP_PASSWORD}" }])`,
        `${file}:5 auth.tokens: is only used by \`type: bearer\`, not \`type: basic\``,
      ].join('\n'),
    );
  });

  test('when a domain holds a stray word and a short condition, then both terms are named', () => {
    const file = `${DIR}/domain-not-a-condition.yaml`;
    expect(endpointErrors([file])).toBe(
      [
        `${file}:6 domain[1]: must be "&", "|", "!" or a [field, operator, value] condition`,
        `${file}:7 domain[2]: a condition is [field, operator, value]; this one has 2 item(s)`,
      ].join('\n'),
    );
  });

  test('when two files nest each other, then the cycle is spelled out', () => {
    const file = `${DIR}/mapping-cycle.yaml`;
    expect(endpointErrors([file, `${DIR}/mapping-cycle-partner.yaml`])).toBe(
      `${file}:5 fields[1].mapping: mapping cycle cycle-a → cycle-b → cycle-a: nested mappings must end (use \`relation\` on one of these lines to refer to records by a field instead of nesting them)`,
    );
  });

  test('when two files use one name, then the second names the first', () => {
    const file = `${DIR}/duplicate-endpoint-name.yaml`;
    expect(endpointErrors([CUSTOMERS, CONTACT, file])).toBe(
      `${file}:1 endpoint: "customers" is already the name of ${CUSTOMERS}:2 (endpoint and mapping names are unique across files)`,
    );
  });

  test('when several files are wrong, then problems of all files come in one error', () => {
    const error = endpointErrors([`${DIR}/missing-auth.yaml`, `${DIR}/invalid-direction.yaml`]);
    expect(error.split('\n')).toHaveLength(2);
  });
});

describe('invalid gateway.yaml', () => {
  test('when a top-level key is misspelt, then the hint names the right one', () => {
    expect(gatewayErrors('gateway-unknown-key.yaml')).toBe(
      `${DIR}/gateway-unknown-key.yaml:1 sever: unknown key (did you mean "server"?)`,
    );
  });

  test('when a variable is unset and has no default, then the error names it', () => {
    expect(gatewayErrors('gateway-unset-variable.yaml')).toBe(
      `${DIR}/gateway-unset-variable.yaml:5 odoo.password: environment variable ODOO_PASSWORD is not set (set it, or give a default: \${ODOO_PASSWORD:-value})`,
    );
  });

  test('when the variable is set, then the same file loads', () => {
    const config = loadConfig({
      configPath: `${DIR}/gateway-unset-variable.yaml`,
      env: { ODOO_PASSWORD: 's3cret' },
    });
    expect(config.settings.odoo.password).toBe('s3cret');
  });

  test('when odoo.url is set without credentials, then each missing one is named', () => {
    const file = `${DIR}/gateway-odoo-without-credentials.yaml`;
    expect(gatewayErrors('gateway-odoo-without-credentials.yaml')).toBe(
      [
        `${file}:1 odoo.db: is required when odoo.url is set (e.g. db: \${ODOO_DB})`,
        `${file}:1 odoo.username: is required when odoo.url is set (e.g. username: \${ODOO_USERNAME})`,
        `${file}:1 odoo.password: is required when odoo.url is set (e.g. password: \${ODOO_PASSWORD})`,
      ].join('\n'),
    );
  });

  test('when odoo.protocol is json2 without a database, then only the database is required (no user name)', () => {
    const file = `${DIR}/gateway-json2-protocol.yaml`;
    expect(gatewayErrors('gateway-json2-protocol.yaml')).toBe(
      `${file}:1 odoo.db: is required when odoo.url is set (e.g. db: \${ODOO_DB})`,
    );
  });

  test('when the endpoints folder is missing and a value is wrong, then both are reported', () => {
    const file = `${DIR}/gateway-missing-endpoints-dir.yaml`;
    expect(gatewayErrors('gateway-missing-endpoints-dir.yaml')).toBe(
      [
        `${file}:2 logging.level: must be one of error, warn, info, debug`,
        `${file}:3 endpoints_dir: folder not found: ${DIR}/no-such-folder`,
      ].join('\n'),
    );
  });

  test('when odoo.url is empty in production, then the simulator is refused', () => {
    expect(gatewayErrors('minimal-gateway.yaml', { NODE_ENV: 'production' })).toBe(
      `${DIR}/minimal-gateway.yaml:2 odoo.url: is empty, which starts the built-in Odoo simulator: refused when NODE_ENV=production (set ODOO_URL)`,
    );
  });

  test('when PORT is not a number, then the error says so', () => {
    expect(gatewayErrors('valid/gateway.yaml', { PORT: 'eighty' })).toBe(
      `${DIR}/valid/gateway.yaml:4 server.port: is overridden by the environment variable PORT="eighty", which is not a port number (0-65535)`,
    );
  });

  test('when gateway.yaml does not exist, then the error says so without a stack', () => {
    expect(gatewayErrors('no-such-gateway.yaml')).toBe(`${DIR}/no-such-gateway.yaml: file not found`);
  });
});
