/**
 * The Postman scripts of the smoke suite (Postman's `pm` API, run by Postman and newman): checks on
 * status and shape, and the collection variables that carry the record under test between requests.
 */

/** A body value that is a variable: `"{{customers_id}}"` for text, `{{orders_id}}` for an Odoo id. */
export class VariableValue {
  constructor(
    readonly variable: string,
    readonly quoted: boolean,
  ) {}
}

export function variableValue(variable: string, quoted: boolean): VariableValue {
  return new VariableValue(variable, quoted);
}

const json = 'const body = pm.response.json();';

function status(code: number): string[] {
  return [`pm.test('status ${code}', () => pm.response.to.have.status(${code}));`];
}

export function listTests(idVariable: string, keepKey: string | undefined): string[] {
  const lines = [
    ...status(200),
    json,
    "pm.test('a page of records', () => {",
    '  pm.expect(body.success).to.equal(true);',
    "  pm.expect(body.data).to.be.an('array');",
    '  pm.expect(body.count).to.equal(body.data.length);',
    "  pm.expect(body.total).to.be.a('number');",
    '});',
  ];
  if (keepKey) {
    lines.push(
      `if (body.data.length > 0) pm.collectionVariables.set('${idVariable}', body.data[0][${JSON.stringify(keepKey)}]);`,
    );
  }
  return lines;
}

/**
 * A fresh identifier per run, shaped like the example: its last digits become the time (`C-1001` →
 * `C-1733086800123`), or the time goes before an `@` or at the end.
 */
export function freshIdentifier(idVariable: string, example: unknown): string[] {
  if (typeof example === 'number') {
    return [`pm.collectionVariables.set('${idVariable}', Date.now() % 1000000000);`];
  }
  return [
    `const example = ${JSON.stringify(String(example))};`,
    'const stamp = String(Date.now());',
    'const fresh = /\\d+$/.test(example) ? example.replace(/\\d+$/, stamp)',
    "  : example.includes('@') ? example.replace('@', `-${stamp}@`) : `${example}-${stamp}`;",
    `pm.collectionVariables.set('${idVariable}', fresh);`,
  ];
}

export function createTests(idVariable: string | undefined): string[] {
  const lines = [...status(201), json, "pm.test('created', () => {", ...writeShape(), '});'];
  if (idVariable) lines.push(`pm.collectionVariables.set('${idVariable}', body.id);`);
  return lines;
}

export function getTests(key: string | undefined, idVariable: string): string[] {
  const lines = [
    ...status(200),
    json,
    "pm.test('one record', () => {",
    '  pm.expect(body.success).to.equal(true);',
    "  pm.expect(body.data).to.be.an('object');",
  ];
  if (key) {
    lines.push(
      `  pm.expect(String(body.data[${JSON.stringify(key)}])).to.equal(String(pm.collectionVariables.get('${idVariable}')));`,
    );
  }
  return [...lines, '});'];
}

export function filterTests(): string[] {
  return [
    ...status(200),
    json,
    "pm.test('the filter finds exactly the record', () => pm.expect(body.count).to.equal(1));",
  ];
}

export function freshIdempotencyKey(variable: string): string[] {
  return [
    `pm.collectionVariables.set('${variable}', 'smoke-' + Date.now() + '-' + Math.random().toString(16).slice(2));`,
  ];
}

export function writeTests(code: number, replayed: boolean): string[] {
  const header = replayed
    ? "pm.test('replayed, not written again', () => pm.expect(pm.response.headers.get('Idempotent-Replayed')).to.equal('true'));"
    : "pm.test('not a replay', () => pm.expect(pm.response.headers.has('Idempotent-Replayed')).to.equal(false));";
  return [...status(code), json, "pm.test('written', () => {", ...writeShape(), '});', header];
}

/** An upsert: first it creates (201, its Odoo id kept), then the same request updates that record. */
export function upsertTests(creates: boolean, odooIdVariable: string): string[] {
  const message = creates ? 'Record created' : 'Record updated';
  const lines = [
    ...status(creates ? 201 : 200),
    json,
    `pm.test('${message.toLowerCase()}', () => {`,
    ...writeShape(),
  ];
  lines.push(`  pm.expect(body.message).to.equal('${message}');`);
  if (!creates) lines.push(`  pm.expect(body.id).to.equal(pm.collectionVariables.get('${odooIdVariable}'));`);
  lines.push('});');
  if (creates) lines.push(`pm.collectionVariables.set('${odooIdVariable}', body.id);`);
  return lines;
}

export function batchTests(): string[] {
  return [
    ...status(200),
    json,
    "pm.test('every item succeeded', () => {",
    '  pm.expect(body.success).to.equal(true);',
    '  pm.expect(body.failed).to.equal(0);',
    '  pm.expect(body.results[0].success).to.equal(true);',
    '});',
  ];
}

export function statusTests(code: number): string[] {
  return status(code);
}

function writeShape(): string[] {
  return [
    '  pm.expect(body.success).to.equal(true);',
    "  pm.expect(body.message).to.be.a('string');",
    "  pm.expect(body.id).to.be.a('number');",
  ];
}
