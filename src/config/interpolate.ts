/**
 * `${VAR}` and `${VAR:-default}` in every string value, as a shell would: the default applies when the
 * variable is unset or empty. `$${` writes a literal `${`. Values from the environment are not
 * interpolated again.
 */
import { KeyPath } from './yaml-source';

export interface InterpolationProblem {
  keyPath: KeyPath;
  message: string;
  hint?: string;
}

const VARIABLE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/;

function interpolateString(
  text: string,
  env: Record<string, string | undefined>,
  report: (message: string, hint?: string) => void,
): string {
  let result = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf('$', index);
    if (start < 0) return result + text.slice(index);
    result += text.slice(index, start);
    if (text.startsWith('$${', start)) {
      result += '${';
      index = start + 3;
      continue;
    }
    if (!text.startsWith('${', start)) {
      result += '$';
      index = start + 1;
      continue;
    }
    const match = VARIABLE.exec(text.slice(start));
    if (!match) {
      report('malformed `${...}`', 'write ${NAME} or ${NAME:-default}, or $${ for a literal ${');
      return text;
    }
    const [whole, name = '', fallback] = match;
    const value = env[name];
    if (value !== undefined && value !== '') {
      result += value;
    } else if (fallback !== undefined) {
      result += fallback;
    } else if (value === '') {
      result += '';
    } else {
      report(`environment variable ${name} is not set`, `set it, or give a default: \${${name}:-value}`);
    }
    index = start + whole.length;
  }
  return result;
}

/** Returns a copy of `data` with every string interpolated; problems are reported, not thrown. */
export function interpolate(
  data: unknown,
  env: Record<string, string | undefined>,
  onProblem: (problem: InterpolationProblem) => void,
  keyPath: KeyPath = [],
): unknown {
  if (typeof data === 'string') {
    return interpolateString(data, env, (message, hint) => onProblem({ keyPath, message, hint }));
  }
  if (Array.isArray(data)) {
    return data.map((item, index) => interpolate(item, env, onProblem, [...keyPath, index]));
  }
  if (data !== null && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [
        key,
        interpolate(value, env, onProblem, [...keyPath, key]),
      ]),
    );
  }
  return data;
}
