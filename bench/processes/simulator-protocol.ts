/** Messages between the bench and its simulator child (simulator-child.ts). */
export type SimulatorRequest =
  | { id: number; cmd: 'latency'; ms: number }
  | { id: number; cmd: 'clear' }
  | { id: number; cmd: 'log' }
  | { id: number; cmd: 'stop' };

export interface SimulatorReply {
  id: number;
  ok: boolean;
  /** `model.method` (or `common.method`) of every call since the last clear, in order. */
  kinds?: string[];
  ready?: { url: string; db: string; username: string; password: string; apiKey: string };
}
