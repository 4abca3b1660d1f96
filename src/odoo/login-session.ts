import { TransportFailure } from './transport-failure';

/**
 * The gateway's one Odoo login. Odoo locks a login out for 60 s after 5 failures from one address,
 * so: log in once and cache the uid; let concurrent first calls share one login; renew only when
 * told (after an AccessDenied) and only once per stale login; and after Odoo refused a login, fail
 * fast with the same error for `pauseMs` instead of trying again on every request.
 */
export interface Login {
  uid: number;
  /** Increments with every successful login, so a stale login is renewed once, not once per caller. */
  generation: number;
}

export class LoginSession {
  private cached: Login | undefined;
  private pending: Promise<Login> | undefined;
  private generation = 0;
  private refusal: { error: unknown; until: number } | undefined;

  constructor(
    private readonly login: () => Promise<number>,
    private readonly pauseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<Login> {
    if (this.cached) return Promise.resolve(this.cached);
    if (this.pending) return this.pending;
    if (this.refusal && this.now() < this.refusal.until) return Promise.reject(this.refusal.error);
    this.pending = this.start();
    return this.pending;
  }

  /** Logs in again unless someone already did since `stale` was handed out. */
  renew(stale: Login): Promise<Login> {
    if (this.cached?.generation === stale.generation) this.cached = undefined;
    return this.current();
  }

  private async start(): Promise<Login> {
    try {
      const uid = await this.login();
      this.cached = { uid, generation: ++this.generation };
      this.refusal = undefined;
      return this.cached;
    } catch (error) {
      // Odoo answered and said no (wrong password, unknown database): do not ask again at once.
      // A network failure is not a failed login for Odoo, so the next call may try again.
      if (!isTransportError(error)) this.refusal = { error, until: this.now() + this.pauseMs };
      throw error;
    } finally {
      this.pending = undefined;
    }
  }
}

function isTransportError(error: unknown): boolean {
  return (
    error instanceof TransportFailure || (error instanceof Error && error.cause instanceof TransportFailure)
  );
}
