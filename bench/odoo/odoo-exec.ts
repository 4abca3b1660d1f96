/** The one call shape the workloads need: `execute_kw(model, method, args, kwargs)`, however it is sent. */
export type OdooExec = (
  model: string,
  method: string,
  args: unknown[],
  kwargs?: Record<string, unknown>,
) => Promise<unknown>;

export interface OdooConnection {
  url: string;
  db: string;
  username: string;
  password: string;
  /** JSON-2's credential (Odoo 19+); the simulator's main user always has one. */
  apiKey?: string;
}
