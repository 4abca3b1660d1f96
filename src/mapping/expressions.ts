/**
 * JSONata expressions of `compute` / `compute_in` lines. Compiled once per expression text (the config
 * loader compiles them at load too, so a syntax error is a config error), evaluated with a time and
 * depth limit so that a runaway expression cannot hold a request or the event loop.
 */
import jsonata from 'jsonata';

export const EXPRESSION_TIME_LIMIT_MS = 100;
const MAX_DEPTH = 200;

const compiled = new Map<string, jsonata.Expression>();

export function compileExpression(text: string): jsonata.Expression {
  let expression = compiled.get(text);
  if (!expression) {
    expression = jsonata(text);
    compiled.set(text, expression);
  }
  return expression;
}

export class ExpressionError extends Error {}

/** Evaluates with a deadline; any failure (syntax, runtime, time) becomes an ExpressionError with a short message. */
export async function evaluateExpression(
  text: string,
  input: unknown,
  timeLimitMs = EXPRESSION_TIME_LIMIT_MS,
): Promise<unknown> {
  let expression: jsonata.Expression;
  try {
    expression = compileExpression(text);
  } catch (error) {
    throw new ExpressionError(describe(error));
  }
  const started = Date.now();
  let depth = 0;
  // JSONata calls these hooks around every evaluation step; they are the documented way to time-box it.
  const guard = (): void => {
    depth += 1;
    if (depth > MAX_DEPTH) throw new ExpressionError('expression recursed too deeply');
    if (Date.now() - started > timeLimitMs)
      throw new ExpressionError(`expression took longer than ${timeLimitMs} ms`);
  };
  const bindings = {
    __evaluate_entry: guard,
    __evaluate_exit: () => {
      depth -= 1;
    },
  };
  try {
    return await expression.evaluate(input, bindings);
  } catch (error) {
    throw error instanceof ExpressionError ? error : new ExpressionError(describe(error));
  }
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = String((error as { message: unknown }).message);
    return `expression failed: ${message}`;
  }
  return 'expression failed';
}

/** Field names an expression reads at the top level (`name & email` → name, email), to read them from Odoo. */
export function expressionFieldNames(text: string): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'path' && Array.isArray(record.steps)) {
      const first = record.steps[0] as { type?: string; value?: unknown } | undefined;
      if (first?.type === 'name' && typeof first.value === 'string') names.add(first.value);
    }
    Object.values(record).forEach(visit);
  };
  visit(compileExpression(text).ast());
  return [...names];
}
