/**
 * Odoo's server-side sessions, as far as a client can tell: an id in the `session_id` cookie naming
 * a database and a user. Logging out rotates the id and keeps the database; destroying drops both.
 */
import { randomBytes } from 'node:crypto';

export interface Session {
  /** null: the session names no database (a multi-database server cannot route it). */
  db: string | null;
  /** null: logged out or never logged in ("Odoo Session Expired" on call_kw). */
  uid: number | null;
}

/** Odoo's session ids are 84 url-safe characters. */
const newSessionId = (): string => randomBytes(63).toString('base64url');

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private logins = 0;

  get(id: string | undefined): Session | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /** A new session (the old id, if any, is forgotten: Odoo rotates the id on login and logout). */
  open(session: Session, previousId?: string): string {
    if (previousId !== undefined) this.sessions.delete(previousId);
    const id = newSessionId();
    this.sessions.set(id, { ...session });
    return id;
  }

  login(db: string, uid: number, previousId?: string): string {
    this.logins++;
    return this.open({ db, uid }, previousId);
  }

  /** `GET /web/session/logout`: the user goes, the database stays, the id rotates. */
  logout(id: string): string {
    return this.open({ db: this.get(id)?.db ?? null, uid: null }, id);
  }

  /** `/web/session/destroy`: the id rotates to an empty session. */
  destroy(id: string | undefined): string {
    return this.open({ db: null, uid: null }, id);
  }

  expireAll(): void {
    for (const session of this.sessions.values()) session.uid = null;
  }

  forgetAll(): void {
    this.sessions.clear();
  }

  get loginCount(): number {
    return this.logins;
  }

  resetCount(): void {
    this.logins = 0;
  }
}
