/**
 * JSONata expressions of `compute` / `compute_in` lines. Compiled once per expression text (the config
 * loader compiles them at load too, so a syntax error is a config error), evaluated with a time and
 * depth limit so that a runaway expression cannot hold a request or the event loop.
 */
import jsonata from 'jsonata';

export const EXPRESSION_TIME_LIMIT_MS = 100;
const MAX_DEPTH = 200;
const MAX_SEQUENCE = 100_000;

const compiled = new Map<string, jsonata.Expression>();

/**
 * JSONata's own guardrails (`timeout`, `stack`, `sequence`) are checked at every evaluation step of
 * each `evaluate()` call separately, so one compiled expression can serve concurrent requests.
 */
export function compileExpression(text: string): jsonata.Expression {
  let expression = compiled.get(text);
  if (!expression) {
    const options = { timeout: EXPRESSION_TIME_LIMIT_MS, stack: MAX_DEPTH, sequence: MAX_SEQUENCE };
    expression = jsonata(text, options);
    compiled.set(text, expression);
  }
  return expression;
}

export class ExpressionError extends Error {}

/** Evaluates with the time, depth and size limits; any failure becomes an ExpressionError with a short message. */
export async function evaluateExpression(text: string, input: unknown): Promise<unknown> {
  let expression: jsonata.Expression;
  try {
    expression = compileExpression(text);
  } catch (error) {
    throw new ExpressionError(describe(error));
  }
  try {
    return await expression.evaluate(input);
  } catch (error) {
    throw new ExpressionError(describe(error));
  }
}

const GUARDRAIL_MESSAGES: Record<string, string> = {
  D1011: `expression recursed deeper than ${MAX_DEPTH} levels`,
  D1012: `expression took longer than ${EXPRESSION_TIME_LIMIT_MS} ms`,
  D2015: `expression built a sequence longer than ${MAX_SEQUENCE} items`,
};

function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'expression failed';
  const { code, message } = error as { code?: unknown; message?: unknown };
  const guardrail = typeof code === 'string' ? GUARDRAIL_MESSAGES[code] : undefined;
  if (guardrail) return guardrail;
  return typeof message === 'string' ? `expression failed: ${message}` : 'expression failed';
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
