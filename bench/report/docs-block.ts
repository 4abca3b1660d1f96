/**
 * `--write-docs`: puts the latest table between the markers of docs/benchmarks.md (and of the README,
 * where the same markers are), so the published figures are always a pasted run, never hand-edited.
 */
import fs from 'node:fs';

export const START_MARK = '<!-- bench-results:start -->';
export const END_MARK = '<!-- bench-results:end -->';

/** The text with the block between the markers replaced; undefined when the markers are missing. */
export function replaceResultsBlock(text: string, block: string): string | undefined {
  const start = text.indexOf(START_MARK);
  const end = text.indexOf(END_MARK);
  if (start < 0 || end < start) return undefined;
  return `${text.slice(0, start + START_MARK.length)}\n\n${block.trim()}\n\n${text.slice(end)}`;
}

/** Files that were updated (those without both markers are left alone). */
export function writeResultsBlock(files: readonly string[], block: string): string[] {
  const written: string[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const updated = replaceResultsBlock(fs.readFileSync(file, 'utf8'), block);
    if (updated === undefined) continue;
    fs.writeFileSync(file, updated);
    written.push(file);
  }
  return written;
}
