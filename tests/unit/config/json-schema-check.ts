/**
 * A tiny JSON Schema (draft-07 subset) checker: just the keywords our generated schemas use, so the
 * test can prove the schemas accept the shipped examples without another dependency. Returns the
 * paths that fail, empty when the value is valid.
 */
type Schema = boolean | Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typeMatches(expected: unknown, value: unknown): boolean {
  const actual = typeOf(value);
  const types = Array.isArray(expected) ? expected : [expected];
  return types.some((type) => type === actual || (type === 'number' && actual === 'integer'));
}

function checkObject(schema: Record<string, unknown>, value: Record<string, unknown>, at: string): string[] {
  const errors: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const key of (schema.required ?? []) as string[]) {
    if (!(key in value)) errors.push(`${at}.${key}: required`);
  }
  for (const [key, child] of Object.entries(value)) {
    const sub = properties[key];
    if (sub !== undefined) errors.push(...checkJsonSchema(sub, child, `${at}.${key}`));
    else if (schema.additionalProperties === false) errors.push(`${at}.${key}: not allowed`);
  }
  return errors;
}

function checkArray(schema: Record<string, unknown>, value: unknown[], at: string): string[] {
  const errors: string[] = [];
  if (typeof schema.minItems === 'number' && value.length < schema.minItems)
    errors.push(`${at}: too few items`);
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
    errors.push(`${at}: too many items`);
  value.forEach((item, index) => {
    const sub = Array.isArray(schema.items)
      ? (schema.items[index] as Schema | undefined)
      : (schema.items as Schema);
    if (sub !== undefined) errors.push(...checkJsonSchema(sub, item, `${at}[${index}]`));
  });
  return errors;
}

function checkKeywords(schema: Record<string, unknown>, value: unknown, at: string): string[] {
  if (schema.type !== undefined && !typeMatches(schema.type, value)) return [`${at}: wrong type`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${at}: not in enum`];
  if ('const' in schema && schema.const !== value) return [`${at}: not the constant`];
  if (
    typeof value === 'string' &&
    typeof schema.pattern === 'string' &&
    !new RegExp(schema.pattern).test(value)
  ) {
    return [`${at}: does not match pattern`];
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return [`${at}: below minimum`];
    if (typeof schema.maximum === 'number' && value > schema.maximum) return [`${at}: above maximum`];
  }
  if (typeOf(value) === 'object') return checkObject(schema, value as Record<string, unknown>, at);
  if (Array.isArray(value)) return checkArray(schema, value, at);
  return [];
}

export function checkJsonSchema(schema: Schema, value: unknown, at = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: not allowed`];
  const errors = checkKeywords(schema, value, at);
  const passes = (sub: unknown): boolean => checkJsonSchema(sub as Schema, value, at).length === 0;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some(passes)) errors.push(`${at}: matches no anyOf`);
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter(passes).length !== 1)
    errors.push(`${at}: not exactly oneOf`);
  for (const sub of (schema.allOf ?? []) as Schema[]) errors.push(...checkJsonSchema(sub, value, at));
  if (schema.if !== undefined) {
    const branch = passes(schema.if) ? schema.then : schema.else;
    if (branch !== undefined) errors.push(...checkJsonSchema(branch as Schema, value, at));
  }
  return errors;
}
