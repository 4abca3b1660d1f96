import { OdooError } from '../../../src/errors/errors';
import {
  failureFromNodeError,
  neverReachedOdoo,
  TransportFailure,
  transportFailureToError,
} from '../../../src/odoo/transport-failure';

const timing = { timeoutMs: 1500, connectTimeoutMs: 300 };
const nodeError = (code: string): Error =>
  Object.assign(new Error(`connect ${code} 10.0.0.1:8069`), { code });

describe('transport failures', () => {
  it('when the connection is refused, then the error says Odoo never got the request', () => {
    const error = transportFailureToError(
      failureFromNodeError(nodeError('ECONNREFUSED'), false),
      timing,
      false,
    );
    expect([error.status, neverReachedOdoo(error)]).toEqual([503, true]);
  });

  it('when the connection was reset, then a write cannot be proven unsent', () => {
    const error = transportFailureToError(failureFromNodeError(nodeError('ECONNRESET'), true), timing, false);
    expect(error.status).toBe(503);
    expect(error.message).toContain('may or may not have been applied');
    expect(neverReachedOdoo(error)).toBe(false);
  });

  it('when a write timed out, then the message says the outcome is unknown and how to retry', () => {
    const error = transportFailureToError(new TransportFailure('read_timeout'), timing, false);
    expect([error.status, error.message]).toEqual([
      504,
      'Odoo did not answer within 1500 ms; the change may or may not have been applied. Retrying with the same Idempotency-Key is safe.',
    ]);
  });

  it('when a read timed out, then the message is short', () => {
    expect(transportFailureToError(new TransportFailure('read_timeout'), timing, true).message).toBe(
      'Odoo did not answer within 1500 ms',
    );
  });

  it('when the connect timed out, then it is a 504 that never reached Odoo', () => {
    const error = transportFailureToError(new TransportFailure('connect_timeout'), timing, false);
    expect([error.status, neverReachedOdoo(error), error.message]).toEqual([
      504,
      true,
      'Could not connect to Odoo within 300 ms; nothing was sent',
    ]);
  });

  it('when the host does not resolve, then the message names no host', () => {
    const error = transportFailureToError(failureFromNodeError(nodeError('ENOTFOUND'), false), timing, true);
    expect(error.message).not.toContain('10.0.0.1');
  });

  it('when the error is not a transport failure, then it did not provably miss Odoo', () => {
    expect(neverReachedOdoo(new OdooError('x'))).toBe(false);
    expect(neverReachedOdoo(new Error('x'))).toBe(false);
  });
});
