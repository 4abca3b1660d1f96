/** Resident memory of a process from Linux's /proc/<pid>/status (undefined elsewhere). */
import fs from 'node:fs';

export function readRssMb(pid: number): number | undefined {
  return readStatusMb(pid, 'VmRSS');
}

/** The peak resident set since the process started. */
export function readPeakRssMb(pid: number): number | undefined {
  return readStatusMb(pid, 'VmHWM');
}

function readStatusMb(pid: number, field: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : undefined;
}
