import { FieldLine } from '../config/types';

/** Lines whose key a caller may send: not read-only, not computed for output, not a constant. */
export function isWritableLine(line: FieldLine): boolean {
  return line.direction !== 'out' && line.compute === undefined && line.value === undefined;
}

/** Lines a caller can read back. */
export function isReadableLine(line: FieldLine): boolean {
  return line.direction !== 'in';
}
