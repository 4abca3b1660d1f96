import { OdooUnavailableError } from '../../../src/errors/errors';
import { LoginSession } from '../../../src/odoo/login-session';
import { TransportFailure } from '../../../src/odoo/transport-failure';

describe('LoginSession', () => {
  it('when several calls need a login at once, then Odoo is asked once', async () => {
    const login = jest.fn(async () => 7);
    const session = new LoginSession(login, 5000);
    const logins = await Promise.all([session.current(), session.current(), session.current()]);
    expect(logins.map((l) => l.uid)).toEqual([7, 7, 7]);
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('when many callers renew the same stale login, then Odoo is asked once more, not once per caller', async () => {
    const login = jest.fn(async () => 7);
    const session = new LoginSession(login, 5000);
    const stale = await session.current();
    await Promise.all([session.renew(stale), session.renew(stale), session.renew(stale)]);
    await session.renew(stale);
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('when Odoo refused the login, then calls within the pause fail fast with the same error', async () => {
    let now = 1000;
    const refusal = new OdooUnavailableError('refused');
    const login = jest.fn(async () => {
      throw refusal;
    });
    const session = new LoginSession(login, 5000, () => now);
    await expect(session.current()).rejects.toBe(refusal);
    now += 4999;
    await expect(session.current()).rejects.toBe(refusal);
    expect(login).toHaveBeenCalledTimes(1);
    now += 1;
    await expect(session.current()).rejects.toBe(refusal);
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('when the login failed on the network, then the next call tries again at once', async () => {
    const login = jest
      .fn<Promise<number>, []>()
      .mockRejectedValueOnce(new OdooUnavailableError('down', { cause: new TransportFailure('refused') }))
      .mockResolvedValueOnce(3);
    const session = new LoginSession(login, 5000);
    await expect(session.current()).rejects.toThrow('down');
    await expect(session.current()).resolves.toEqual({ uid: 3, generation: 1 });
  });
});
