import { PyFloat, pyFloat, pyRepr, pyTuple } from '../../../src/simulator/wire/py-repr';
import { parseMethodCall, XmlRpcParseError } from '../../../src/wire/xmlrpc-parser';
import { serializeFault, serializeResponse } from '../../../src/simulator/wire/xmlrpc-serializer';

const call = (params: string): string =>
  `<?xml version='1.0'?>\n<methodCall>\n<methodName>m</methodName>\n<params>\n${params}</params>\n</methodCall>\n`;
const param = (value: string): string => `<param>\n<value>${value}</value>\n</param>\n`;

describe('XML-RPC parser', () => {
  test('when a call carries every scalar type, then each decodes to its JS value', () => {
    const parsed = parseMethodCall(
      call(
        param('<int>42</int>') +
          param('<i4>-7</i4>') +
          param('<double>1.5</double>') +
          param('<boolean>1</boolean>') +
          param('<boolean>0</boolean>') +
          param('<string>text</string>') +
          param('bare text') +
          param('') +
          param('<string/>') +
          param('<nil/>') +
          param('<base64>aGVsbG8=</base64>') +
          param('<dateTime.iso8601>20240131T10:11:12</dateTime.iso8601>'),
      ),
    );
    expect(parsed.methodName).toBe('m');
    expect(parsed.params.slice(0, 10)).toEqual([42, -7, 1.5, true, false, 'text', 'bare text', '', '', null]);
    expect((parsed.params[10] as Buffer).toString()).toBe('hello');
    expect(parsed.params[11]).toEqual(new Date(Date.UTC(2024, 0, 31, 10, 11, 12)));
  });

  test('when values nest in structs and arrays, then the structure is kept in order', () => {
    const parsed = parseMethodCall(
      call(
        param(
          '<struct>\n<member>\n<name>fields</name>\n<value><array><data>\n<value><string>name</string></value>\n' +
            '<value><int>3</int></value>\n</data></array></value>\n</member>\n<member><name>empty</name>' +
            '<value><array><data/></array></value></member>\n</struct>',
        ),
      ),
    );
    expect(parsed.params).toEqual([{ fields: ['name', 3], empty: [] }]);
  });

  test('when text holds entities and CDATA, then they decode like an XML parser would', () => {
    const parsed = parseMethodCall(
      call(
        param('<string>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#x41;</string>') +
          param('<string><![CDATA[<raw> & stuff]]></string>') +
          param('<string>line1\r\nline2</string>'),
      ),
    );
    expect(parsed.params).toEqual([`a & b <c> "d" 'e' é A`, '<raw> & stuff', 'line1\nline2']);
  });

  test('when a call has no params element, then the params list is empty', () => {
    expect(parseMethodCall('<methodCall><methodName>version</methodName></methodCall>')).toEqual({
      methodName: 'version',
      params: [],
    });
  });

  test.each([
    ['not xml at all', 'hello'],
    ['an unclosed value', call('<param><value><int>1</int></param>')],
    ['a bad integer', call(param('<int>1.5</int>'))],
    ['an unknown type', call(param('<float>1</float>'))],
    ['a truncated document', '<methodCall><methodName>x'],
  ])('when the body is %s, then parsing fails with XmlRpcParseError', (_label, body) => {
    expect(() => parseMethodCall(body)).toThrow(XmlRpcParseError);
  });
});

describe('XML-RPC serializer', () => {
  test('when a result is serialized, then the bytes follow Odoo’s marshaller layout', () => {
    expect(serializeResponse(2)).toBe(
      '<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n<value><int>2</int></value>\n</param>\n</params>\n\n</methodResponse>\n',
    );
  });

  test('when values of every kind are serialized, then each uses its XML-RPC type', () => {
    const body = serializeResponse({ a: [true, 'x<&>y', 1.25, new PyFloat(100), null] });
    expect(body).toContain(
      '<value><struct>\n<member>\n<name>a</name>\n<value><array><data>\n<value><boolean>1</boolean></value>\n' +
        '<value><string>x&lt;&amp;&gt;y</string></value>\n<value><double>1.25</double></value>\n' +
        '<value><double>100.0</double></value>\n<value><nil/></value></data></array></value>\n</member>\n</struct></value>\n',
    );
  });

  test('when a fault is serialized, then it uses Python’s single-quoted header and int code', () => {
    expect(serializeFault(3, 'Access Denied')).toBe(
      "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n" +
        '<value><int>3</int></value>\n</member>\n<member>\n<name>faultString</name>\n' +
        '<value><string>Access Denied</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n',
    );
  });

  test('when the serializer output is parsed back, then values round-trip', () => {
    const value = { name: 'Zoë & Co', ids: [1, 2, 3], nested: { ok: false, price: 9.99 } };
    const xml = serializeResponse(value)
      .replace('<methodResponse>\n<params>', '<methodCall><methodName>r</methodName><params>')
      .replace('</params>\n\n</methodResponse>', '</params></methodCall>');
    expect(parseMethodCall(xml).params[0]).toEqual(value);
  });
});

describe('Python repr', () => {
  test.each([
    [100, '100.0'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [1e16, '1e+16'],
    [123456.789, '123456.789'],
    [-2.5, '-2.5'],
    [0.0001, '0.0001'],
  ])('when %p is printed as a Python float, then it reads %s', (n, text) => {
    expect(pyFloat(n)).toBe(text);
  });

  test('when leaves and values are printed, then they look like Python’s repr', () => {
    expect(pyTuple(['name', '~~', 1])).toBe("('name', '~~', 1)");
    expect(pyTuple([357])).toBe('(357,)');
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr([true, false, null, 'a\nb'])).toBe("[True, False, None, 'a\\nb']");
  });
});
