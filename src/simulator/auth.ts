/**
 * Users, passwords and API keys, and Odoo's login cooldown: after 5 failed logins a login is refused
 * for 60 s (authenticate answers false, execute_kw fault 3), even with the right password.
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
    for (const user of users) {
      this.byLogin.set(user.login, user);
      this.byUid.set(user.uid, user);
    }
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
    const f = this.failures.get(key) ?? { count: 0, last: 0 };
    this.failures.set(key, { count: f.count + 1, last: this.now() });
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
