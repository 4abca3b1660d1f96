/** A target's verdict for one run, and the rule that folds several rows into one verdict. */
export interface TargetCheck {
  id: string;
  target: string;
  measured: string;
  verdict: 'met' | 'missed' | 'not measured';
}

export interface Measured {
  label: string;
  value: number;
  ok: boolean;
}

/** One verdict over several rows: every row must meet it; the figure shown is the worst one. */
export function worstOf(
  id: string,
  target: string,
  values: Measured[],
  format: (v: number) => string,
): TargetCheck {
  if (values.length === 0) return { id, target, measured: '—', verdict: 'not measured' };
  const failing = values.filter((v) => !v.ok);
  const shown = (failing.length > 0 ? failing : values)
    .map((v) => `${v.label} ${format(v.value)}`)
    .join(', ');
  return { id, target, measured: shown, verdict: failing.length > 0 ? 'missed' : 'met' };
}
