/** JSONata expressions are compiled at load so a syntax error is a configuration error, not a 500. */
import jsonata from 'jsonata';

/** The compile error as one sentence, or undefined when the expression compiles. */
export function expressionError(expression: string): string | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (error) {
    const { message, position } = error as { message?: string; position?: number };
    const where = typeof position === 'number' ? ` (at character ${position})` : '';
    return `${message ?? 'syntax error'}${where}`;
  }
}
