/**
 * Users, passwords and API keys, and Odoo's login cooldown: after 5 failed logins a login is refused
 * for 60 s (authenticate answers false, execute_kw fault 3), even with the right password.
 * An API key works as the password of the RPC services and as the JSON-2 bearer, never for the
 * interactive session login (nor does a password when the user has two-factor authentication).
 */
import type { SimulatorUser } from './types';

const MAX_FAILURES = 5;
const COOLDOWN_MS = 60_000;

interface Failures {
  count: number;
  last: number;
}

export type CheckResult = 'ok' | 'no-such-user' | 'denied';

export class AuthService {
  private readonly byLogin = new Map<string, SimulatorUser>();
  private readonly byUid = new Map<number, SimulatorUser>();
  private readonly failures = new Map<string, Failures>();

  constructor(
    users: readonly SimulatorUser[],
    private readonly now: () => number,
  ) {
    for (const user of users) this.add({ ...user });
  }

  private add(user: SimulatorUser): void {
    this.byLogin.set(user.login, user);
    this.byUid.set(user.uid, user);
  }

  /** Replaces (or with null removes) a user's API key. */
  setApiKey(login: string, key: string | null): void {
    const user = this.byLogin.get(login);
    if (!user) throw new Error(`no simulated user ${login}`);
    this.add({ ...user, apiKey: key ?? undefined });
  }

  apiKeyOf(login: string): string | undefined {
    return this.byLogin.get(login)?.apiKey;
  }

  /** Administrator rights: the option `admin`, by default the superuser and the administrator (uid 1, 2). */
  isAdmin(uid: number): boolean {
    return this.byUid.get(uid)?.admin ?? uid <= 2;
  }

  loginOf(uid: number): string | undefined {
    return this.byUid.get(uid)?.login;
  }

  /** The user a JSON-2 bearer key belongs to. */
  userByApiKey(key: string): SimulatorUser | undefined {
    for (const user of this.byUid.values()) if (user.apiKey && user.apiKey === key) return user;
    return undefined;
  }

  /** `/web/session/authenticate`: the password only, no two-factor users; same lockout as RPC. */
  authenticateInteractive(login: unknown, password: unknown): SimulatorUser | undefined {
    const key = String(login);
    const user = this.byLogin.get(key);
    if (
      !this.locked(key) &&
      user &&
      !user.totp &&
      typeof password === 'string' &&
      password === user.password
    ) {
      this.failures.delete(key);
      return user;
    }
    this.recordFailure(key);
    return undefined;
  }

  private recordFailure(login: string): void {
    const f = this.failures.get(login) ?? { count: 0, last: 0 };
    this.failures.set(login, { count: f.count + 1, last: this.now() });
  }

  private locked(login: string): boolean {
    const f = this.failures.get(login);
    return f !== undefined && f.count >= MAX_FAILURES && this.now() - f.last < COOLDOWN_MS;
  }

  private static matches(user: SimulatorUser, password: unknown): boolean {
    return (
      typeof password === 'string' &&
      (password === user.password || (!!user.apiKey && password === user.apiKey))
    );
  }

  /** The uid, or false for a wrong login/password or a login in cooldown. */
  authenticate(login: unknown, password: unknown): number | false {
    const key = String(login);
    if (this.locked(key)) return false;
    const user = this.byLogin.get(key);
    if (user && AuthService.matches(user, password)) {
      this.failures.delete(key);
      return user.uid;
    }
    this.recordFailure(key);
    return false;
  }

  /** The check execute_kw makes with (uid, password) on every call. */
  check(uid: unknown, password: unknown): CheckResult {
    const user = typeof uid === 'number' ? this.byUid.get(uid) : undefined;
    if (!user) return 'no-such-user';
    if (this.locked(user.login) || !AuthService.matches(user, password)) return 'denied';
    return 'ok';
  }

  resetLockouts(): void {
    this.failures.clear();
  }
}
