import { FieldLine, MappingDef } from '../config/types';

/** Lines whose key a caller may send: not read-only, not computed for output, not a constant. */
export function isWritableLine(line: FieldLine): boolean {
  return line.direction !== 'out' && line.compute === undefined && line.value === undefined;
}

/** Lines a caller can read back. */
export function isReadableLine(line: FieldLine): boolean {
  return line.direction !== 'in';
}

export function lineByKey(mapping: MappingDef, key: string): FieldLine | undefined {
  return mapping.fields.find((line) => line.key === key);
}

/** The Odoo field a plain line reads from (first segment of a dotted path). */
export function rootField(line: FieldLine): string | undefined {
  return line.field?.split('.')[0];
}
