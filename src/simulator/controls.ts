/**
 * Test controls: added latency, one injected failure (optionally limited to a model/method and a
 * number of times) and a capped call log. Cheap enough to stay on during benchmarks.
 */
import type { FailureSpec, SimulatorCall, SimulatorControls } from './types';

const LOG_CAP = 100_000;

export class ControlState implements SimulatorControls {
  private latency: number;
  private failure: FailureSpec | null = null;
  private remaining = Infinity;
  private log: SimulatorCall[] = [];

  constructor(
    private readonly initialLatency: number,
    private readonly onReset: () => void,
  ) {
    this.latency = initialLatency;
  }

  get latencyMs(): number {
    return this.latency;
  }

  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  injectFailure(failure: FailureSpec | null): void {
    this.failure = failure;
    this.remaining = failure?.times ?? Infinity;
  }

  callLog(): readonly SimulatorCall[] {
    return this.log.slice();
  }

  clearCallLog(): void {
    this.log = [];
  }

  reset(): void {
    this.onReset();
    this.log = [];
    this.failure = null;
    this.remaining = Infinity;
    this.latency = this.initialLatency;
  }

  record(call: SimulatorCall): void {
    this.log.push(call);
    // Trim in batches so the cap costs nothing per call.
    if (this.log.length > LOG_CAP * 1.1) this.log = this.log.slice(-LOG_CAP);
  }

  /** The failure to apply to this call, if one is armed and matches; counts it down. */
  takeFailure(call: SimulatorCall): FailureSpec | null {
    const f = this.failure;
    if (!f || this.remaining <= 0) return null;
    if (f.model !== undefined && f.model !== call.model) return null;
    if (f.method !== undefined && f.method !== (call.modelMethod ?? call.method)) return null;
    this.remaining--;
    if (this.remaining <= 0) this.failure = null;
    return f;
  }
}
