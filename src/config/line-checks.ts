/** Rules between the keys of one field line, and across the lines of one file. */
import { expressionError } from './expression-check';
import { RawFieldLine } from './raw-types';
import { Report } from './report';
import { KeyPath } from './yaml-source';

function checkDirection(line: RawFieldLine, at: KeyPath, report: Report): void {
  if (line.direction === 'in' && line.compute !== undefined) {
    report(
      [...at, 'compute'],
      '`compute` is an output value but this line is `direction: in`',
      'use `compute_in`',
    );
  }
  if (line.direction === 'out') {
    if (line.compute_in !== undefined) {
      report(
        [...at, 'compute_in'],
        '`compute_in` is an input value but this line is `direction: out`',
        'use `compute`',
      );
    }
    for (const key of ['value', 'default'] as const) {
      if (line[key] !== undefined) report([...at, key], 'is never written: this line is `direction: out`');
    }
  }
  if (line.field?.includes('.') && line.direction !== 'out') {
    report([...at, 'field'], 'a dotted path can only be read', 'add `direction: out`');
  }
}

function checkShape(line: RawFieldLine, at: KeyPath, report: Report): void {
  if (line.field === undefined && line.compute === undefined) {
    report(
      at,
      `line "${line.key}" has neither \`field\` nor \`compute\``,
      'name the Odoo field: `field: <name>`',
    );
  }
  if (line.relation !== undefined && line.mapping !== undefined) {
    report(
      [...at, 'mapping'],
      '`relation` and `mapping` exclude each other',
      '`relation` refers to records by one field, `mapping` nests objects: keep one',
    );
  }
  if (line.identifier && line.direction === 'out') {
    report(
      [...at, 'identifier'],
      'an identifier cannot be `direction: out`',
      'it is matched against requests',
    );
  }
  if (line.identifier && line.compute !== undefined) {
    report(
      [...at, 'identifier'],
      'an identifier cannot be computed',
      'identify records by a stored Odoo field',
    );
  }
}

function checkValidation(line: RawFieldLine, at: KeyPath, report: Report): void {
  if (line.min !== undefined && line.max !== undefined && line.min > line.max) {
    report([...at, 'min'], `is greater than max (${line.max})`);
  }
  if (line.pattern !== undefined) {
    try {
      new RegExp(line.pattern);
    } catch (error) {
      report([...at, 'pattern'], `is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  for (const key of ['compute', 'compute_in'] as const) {
    const expression = line[key];
    const problem = expression === undefined ? undefined : expressionError(expression);
    if (problem !== undefined) report([...at, key], `expression does not compile: ${problem}`);
  }
}

export function checkFieldLines(
  lines: readonly RawFieldLine[],
  lineOf: (at: KeyPath) => number,
  report: Report,
): void {
  const keys = new Map<string, number>();
  let identifier: number | undefined;
  lines.forEach((line, index) => {
    const at: KeyPath = ['fields', index];
    checkDirection(line, at, report);
    checkShape(line, at, report);
    checkValidation(line, at, report);
    const first = keys.get(line.key);
    if (first !== undefined) {
      report(
        [...at, 'key'],
        `"${line.key}" is already the key of fields[${first}] (line ${lineOf(['fields', first])})`,
      );
    } else {
      keys.set(line.key, index);
    }
    if (line.identifier && identifier !== undefined) {
      const other = lines[identifier]?.key ?? '';
      report(
        [...at, 'identifier'],
        `more than one identifier: fields[${identifier}] ("${other}", line ${lineOf(['fields', identifier])}) is one already`,
        'keep `identifier: true` on one line',
      );
    } else if (line.identifier) {
      identifier = index;
    }
  });
}
