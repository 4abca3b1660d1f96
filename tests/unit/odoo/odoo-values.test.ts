import { ValidationError } from '../../../src/errors/errors';
import { toWireValues } from '../../../src/odoo/odoo-values';
import { serializeCall } from '../../../src/odoo/xmlrpc-transport';

describe('toWireValues', () => {
  it('when an object holds undefined, then the key is dropped instead of becoming an empty string in Odoo', () => {
    expect(toWireValues([{ name: 'A', phone: undefined }])).toEqual([{ name: 'A' }]);
    expect(serializeCall('m', [{ name: 'A', phone: undefined }])).not.toContain('phone');
  });

  it('when an array holds undefined, then it becomes null (nil)', () => {
    expect(serializeCall('m', [[1, undefined]])).toContain('<value><nil/></value>');
  });

  it('when a value is a Date, then Odoo receives its UTC datetime string', () => {
    expect(toWireValues([{ at: new Date('2024-05-01T13:45:00.123+02:00') }])).toEqual([
      { at: '2024-05-01 11:45:00' },
    ]);
  });

  it('when a number is not finite, then the call is refused before it is sent', () => {
    expect(() => toWireValues([{ qty: Number.NaN }])).toThrow(ValidationError);
  });

  it('when numbers are integers or fractions, then XML-RPC gets int and double', () => {
    const xml = serializeCall('m', [3, 2.5, true]);
    expect(xml).toContain('<int>3</int>');
    expect(xml).toContain('<double>2.5</double>');
    expect(xml).toContain('<boolean>1</boolean>');
  });

  it('when a string holds a control character, then the error does not quote the string', () => {
    expect(() => serializeCall('m', ['secret\u0000pw'])).toThrow(ValidationError);
    try {
      serializeCall('m', ['secret\u0000pw']);
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
