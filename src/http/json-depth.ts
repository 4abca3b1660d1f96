/**
 * How deep a parsed JSON body nests. JSON.parse takes any depth, but JSON.stringify, joi and the
 * XML-RPC writer recurse and overflow the stack a few thousand levels down (a 500), so the router
 * refuses bodies deeper than any mapping can use. Iterative on purpose: it must not overflow itself.
 */

/** Far deeper than any mapping (a batch of records with nested objects with lists is ~6 levels). */
export const MAX_BODY_DEPTH = 64;

/** True when arrays/objects inside `value` nest more than `max` levels. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
