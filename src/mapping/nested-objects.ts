/**
 * The objects a nested-mapping key holds in a body (`"lines": [{…}, {…}]`, `"customer": {…}`), each
 * with the `line_id` prefix a caller sees for its keys (`lines[1]`, `customer`), as joi names them.
 * Anything else (ids, nulls, junk) is left to the input schema.
 */
export interface NestedObject {
  object: Record<string, unknown>;
  lineId: string;
}

export function nestedObjectsAt(value: unknown, lineId: string): NestedObject[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      isObject(item) ? [{ object: item, lineId: `${lineId}[${index}]` }] : [],
    );
  }
  return isObject(value) ? [{ object: value, lineId }] : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
