/**
 * "Did you mean …" hints for typos in keys and enum values. Uses the optimal string alignment
 * (restricted Damerau-Levenshtein) distance, so a swapped pair of letters (`feild`) counts as one edit.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Case and `-`/`_` differences are the commonest slips (`createMissing`, `Create-Missing`): they cost nothing. */
function normalise(value: string): string {
  return value.toLowerCase().replace(/[-_\s]/g, '');
}

/** The closest candidate within a few edits, or undefined when nothing is close enough to be a typo. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(input);
  let best: { candidate: string; distance: number; lengthGap: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    const lengthGap = Math.abs(candidate.length - input.length);
    const allowed = Math.min(3, Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3)));
    // On a tie, a candidate of the same length wins: `=>` is a swapped `>=` rather than a longer `=`.
    const better =
      best === undefined ||
      distance < best.distance ||
      (distance === best.distance && lengthGap < best.lengthGap);
    if (distance <= allowed && better) best = { candidate, distance, lengthGap };
  }
  return best?.candidate;
}

/** `did you mean "out"?`, or undefined. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(input, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}
