import { NotFoundError } from '../../../src/errors/errors';
import { errorBody, toGatewayError } from '../../../src/errors/to-http';

describe('toGatewayError', () => {
  test('when Express fails to decode a path parameter (URIError, status 400), then it is a 400, not a 500', () => {
    const decodeError = Object.assign(new URIError('Failed to decode param'), { status: 400 });
    expect(toGatewayError(decodeError)).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
  });

  test('when body-parser reports an oversized body, then it is 413 PAYLOAD_TOO_LARGE', () => {
    expect(toGatewayError({ type: 'entity.too.large', status: 413 })).toMatchObject({ status: 413 });
  });

  test('when an unknown error is thrown, then it is not translated (the handler answers a generic 500)', () => {
    expect(toGatewayError(new Error('secret detail'))).toBeUndefined();
  });

  test('when an error body is built, then it has the api.md shape', () => {
    const body = errorBody(new NotFoundError('No customers record', { lineId: 'customer_id' }), 'req-1');
    expect(body).toEqual({
      success: false,
      error: 'No customers record',
      status_code: 'NOT_FOUND',
      line_id: 'customer_id',
      request_id: 'req-1',
    });
  });
});
