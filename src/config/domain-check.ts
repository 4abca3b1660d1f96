/**
 * Odoo domains in prefix (Polish) notation: `&` and `|` take the two terms after them, `!` one; the
 * top-level terms are ANDed. A leaf is `[field, operator, value]`. Checked here so a typo fails at load,
 * not as an Odoo traceback on the first request.
 */
import { didYouMean } from './did-you-mean';
import { Report } from './report';
import { FIELD_PATH_PATTERN } from './schemas/common-schema';
import { KeyPath } from './yaml-source';

export const DOMAIN_OPERATORS = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '=?',
  '=like',
  '=ilike',
  'like',
  'not like',
  'ilike',
  'not ilike',
  'in',
  'not in',
  'child_of',
  'parent_of',
  'any',
  'not any',
] as const;

const ARITY: Record<string, number> = { '&': 2, '|': 2, '!': 1 };
const LIST_OPERATORS = new Set(['in', 'not in']);
const SUBDOMAIN_OPERATORS = new Set(['any', 'not any']);

function operatorHint(operator: string): string | undefined {
  if (operator === '<>' || operator === '==') return `did you mean "${operator === '<>' ? '!=' : '='}"?`;
  return didYouMean(operator, DOMAIN_OPERATORS);
}

function checkLeaf(leaf: unknown[], keyPath: KeyPath, report: Report): void {
  if (leaf.length !== 3) {
    report(keyPath, `a condition is [field, operator, value]; this one has ${leaf.length} item(s)`);
    return;
  }
  const [field, operator, value] = leaf;
  // [1, '=', 1] and [0, '=', 1] are Odoo's TRUE_LEAF and FALSE_LEAF.
  const constantLeaf = (field === 0 || field === 1) && operator === '=';
  if (!constantLeaf && (typeof field !== 'string' || !FIELD_PATH_PATTERN.test(field))) {
    report([...keyPath, 0], 'must be an Odoo field name (or a dotted path such as country_id.code)');
  }
  if (typeof operator !== 'string' || !(DOMAIN_OPERATORS as readonly string[]).includes(operator)) {
    report([...keyPath, 1], `unknown operator ${JSON.stringify(operator)}`, operatorHint(String(operator)));
    return;
  }
  if (LIST_OPERATORS.has(operator) && !Array.isArray(value)) {
    report([...keyPath, 2], `the operator "${operator}" takes a list of values`);
  }
  if (SUBDOMAIN_OPERATORS.has(operator)) {
    if (Array.isArray(value)) checkDomain(value, [...keyPath, 2], report);
    else report([...keyPath, 2], `the operator "${operator}" takes a domain (a list of conditions)`);
  }
}

/** Parses one term starting at `index`; returns the index after it. */
function parseTerm(domain: readonly unknown[], index: number, keyPath: KeyPath, report: Report): number {
  const token = domain[index];
  if (typeof token === 'string' && token in ARITY) {
    const arity = ARITY[token] ?? 0;
    let next = index + 1;
    for (let found = 0; found < arity; found++) {
      if (next >= domain.length) {
        const wanted = arity === 2 ? 'two terms' : 'one term';
        report([...keyPath, index], `"${token}" takes ${wanted} after it, found ${found}`);
        return domain.length;
      }
      next = parseTerm(domain, next, keyPath, report);
    }
    return next;
  }
  if (Array.isArray(token)) {
    checkLeaf(token, [...keyPath, index], report);
  } else {
    report([...keyPath, index], 'must be "&", "|", "!" or a [field, operator, value] condition');
  }
  return index + 1;
}

export function checkDomain(domain: readonly unknown[], keyPath: KeyPath, report: Report): void {
  let index = 0;
  while (index < domain.length) index = parseTerm(domain, index, keyPath, report);
}
