/**
 * A small hand-written XML-RPC parser for `methodCall` (the simulator) and `methodResponse` (the
 * gateway's Odoo client): one pass over the string with indexOf, no DOM, no SAX events — several
 * times faster than the `xmlrpc` package's SAX deserializer, whose parsing was the largest CPU cost
 * of a gateway request. It accepts what Python's xmlrpc.client (Odoo) and the npm `xmlrpc` package
 * send: every scalar type, bare `<value>text</value>` strings, self-closing empty elements, entities
 * and CDATA.
 */
export interface MethodCall {
  methodName: string;
  params: unknown[];
}

/** A methodResponse: its one value, or the fault Odoo raised. */
export type MethodResponse = { value: unknown } | { fault: { faultCode: unknown; faultString: unknown } };

/** How `base64` and `dateTime.iso8601` values come out (the simulator wants Buffer/Date, the client text). */
export interface ValueDecoders {
  base64(text: string): unknown;
  dateTime(text: string): unknown;
  /** An `i8` beyond JavaScript's safe integers. */
  bigInteger?(text: string): unknown;
}

const DEFAULT_DECODERS: ValueDecoders = {
  base64: (text) => Buffer.from(text, 'base64'),
  dateTime: (text) => parseIsoDatetime(text),
};

export class XmlRpcParseError extends Error {}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const INT = /^\s*[+-]?\d+\s*$/;

function decodeEntities(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  text = text.replace(ENTITY, (_m, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED[name] ?? '';
  });
  return text;
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

/** `20240131T10:00:00`, `2024-01-31T10:00:00`, optionally with `Z`: taken as UTC like Odoo does. */
function parseIsoDatetime(text: string): Date {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})/.exec(text.trim());
  if (!m) throw new XmlRpcParseError(`bad dateTime.iso8601 value: ${text}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly decoders: ValueDecoders = DEFAULT_DECODERS,
  ) {}

  parseMethodResponse(): MethodResponse {
    this.skipMisc();
    this.expectOpen('methodResponse');
    const tag = this.readTag();
    let response: MethodResponse;
    if (tag.name === 'fault' && !tag.closing && !tag.selfClosing) {
      const fault = this.readValueElement();
      this.expectClose('fault');
      const { faultCode, faultString } = (fault ?? {}) as { faultCode?: unknown; faultString?: unknown };
      response = { fault: { faultCode, faultString } };
    } else if (tag.name === 'params' && !tag.closing && !tag.selfClosing) {
      const params: unknown[] = [];
      this.readParams(params);
      if (params.length !== 1) throw this.error('a methodResponse carries exactly one param');
      response = { value: params[0] };
    } else {
      throw this.error('expected <params> or <fault>');
    }
    this.expectClose('methodResponse');
    return response;
  }

  parseMethodCall(): MethodCall {
    this.skipMisc();
    this.expectOpen('methodCall');
    this.expectOpen('methodName');
    const methodName = decodeEntities(this.readText()).trim();
    this.expectClose('methodName');
    const params: unknown[] = [];
    let tag = this.readTag();
    if (tag.name === 'params' && !tag.closing) {
      if (!tag.selfClosing) this.readParams(params);
      tag = this.readTag();
    }
    if (tag.name !== 'methodCall' || !tag.closing) throw this.error('expected </methodCall>');
    return { methodName, params };
  }

  private readParams(params: unknown[]): void {
    for (;;) {
      const tag = this.readTag();
      if (tag.name === 'params' && tag.closing) return;
      if (tag.name !== 'param' || tag.closing) throw this.error('expected <param>');
      if (tag.selfClosing) continue;
      params.push(this.readValueElement());
      this.expectClose('param');
    }
  }

  /** Reads `<value>...</value>` (the opening tag not consumed yet). */
  private readValueElement(): unknown {
    const tag = this.readTag();
    if (tag.name !== 'value' || tag.closing) throw this.error('expected <value>');
    if (tag.selfClosing) return '';
    return this.readValueBody();
  }

  private readValueBody(): unknown {
    const text = this.readText();
    if (this.s.startsWith('</value>', this.i)) {
      this.i += 8;
      return decodeEntities(text);
    }
    const tag = this.readTag();
    if (tag.closing) throw this.error(`unexpected </${tag.name}>`);
    const value = this.readTyped(tag);
    this.expectClose('value');
    return value;
  }

  private readTyped(tag: Tag): unknown {
    const { name } = tag;
    if (name === 'array') return this.readArray(tag);
    if (name === 'struct') return this.readStruct(tag);
    if (name === 'nil') {
      if (!tag.selfClosing) this.expectClose('nil');
      return null;
    }
    const text = tag.selfClosing ? '' : decodeEntities(this.readText());
    if (!tag.selfClosing) this.expectClose(name);
    switch (name) {
      case 'string':
        return text;
      case 'int':
      case 'i4':
      case 'i8': {
        if (!INT.test(text)) throw this.error(`bad integer: ${text}`);
        const value = parseInt(text, 10);
        if (Number.isSafeInteger(value) || !this.decoders.bigInteger) return value;
        return this.decoders.bigInteger(text.trim());
      }
      case 'boolean':
        if (text.trim() !== '0' && text.trim() !== '1') throw this.error(`bad boolean: ${text}`);
        return text.trim() === '1';
      case 'double': {
        const n = Number(text.trim());
        if (text.trim() === '' || Number.isNaN(n)) throw this.error(`bad double: ${text}`);
        return n;
      }
      case 'base64':
        return this.decoders.base64(text.replace(/\s+/g, ''));
      case 'dateTime.iso8601':
        return this.decoders.dateTime(text.trim());
      default:
        throw this.error(`unknown type <${name}>`);
    }
  }

  private readArray(tag: Tag): unknown[] {
    const items: unknown[] = [];
    if (tag.selfClosing) return items;
    const data = this.readTag();
    if (data.name === 'array' && data.closing) return items;
    if (data.name !== 'data' || data.closing) throw this.error('expected <data>');
    if (!data.selfClosing) {
      for (;;) {
        this.skipWs();
        if (this.s.startsWith('</data>', this.i)) {
          this.i += 7;
          break;
        }
        items.push(this.readValueElement());
      }
    }
    this.expectClose('array');
    return items;
  }

  private readStruct(tag: Tag): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (tag.selfClosing) return out;
    for (;;) {
      const member = this.readTag();
      if (member.name === 'struct' && member.closing) return out;
      if (member.name !== 'member' || member.closing) throw this.error('expected <member>');
      this.expectOpen('name');
      const key = decodeEntities(this.readText());
      this.expectClose('name');
      out[key] = this.readValueElement();
      this.expectClose('member');
    }
  }

  private readText(): string {
    let out = '';
    for (;;) {
      const lt = this.s.indexOf('<', this.i);
      if (lt < 0) throw this.error('unexpected end of document');
      out += this.s.slice(this.i, lt);
      this.i = lt;
      if (!this.s.startsWith('<![CDATA[', lt)) return out;
      const end = this.s.indexOf(']]>', lt + 9);
      if (end < 0) throw this.error('unterminated CDATA');
      // CDATA is literal: protect it from entity decoding by re-escaping its ampersands.
      out += this.s.slice(lt + 9, end).replace(/&/g, '&amp;');
      this.i = end + 3;
    }
  }

  private readTag(): Tag {
    this.skipWs();
    if (this.s.charCodeAt(this.i) !== 60 /* < */) throw this.error('expected a tag');
    const end = this.s.indexOf('>', this.i);
    if (end < 0) throw this.error('unterminated tag');
    let inner = this.s.slice(this.i + 1, end);
    this.i = end + 1;
    const closing = inner.startsWith('/');
    const selfClosing = inner.endsWith('/');
    if (closing) inner = inner.slice(1);
    if (selfClosing) inner = inner.slice(0, -1);
    const space = inner.search(/\s/);
    const name = space < 0 ? inner : inner.slice(0, space);
    return { name, closing, selfClosing };
  }

  private expectOpen(name: string): void {
    const tag = this.readTag();
    if (tag.name !== name || tag.closing || tag.selfClosing) throw this.error(`expected <${name}>`);
  }

  private expectClose(name: string): void {
    const tag = this.readTag();
    if (tag.name !== name || !tag.closing) throw this.error(`expected </${name}>`);
  }

  private skipWs(): void {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++this.i);
  }

  /** Skips the XML declaration, comments and a doctype before the root element. */
  private skipMisc(): void {
    for (;;) {
      this.skipWs();
      if (this.s.startsWith('<?', this.i)) this.i = this.skipPast('?>');
      else if (this.s.startsWith('<!--', this.i)) this.i = this.skipPast('-->');
      else if (this.s.startsWith('<!', this.i)) this.i = this.skipPast('>');
      else return;
    }
  }

  private skipPast(marker: string): number {
    const at = this.s.indexOf(marker, this.i);
    if (at < 0) throw this.error('unterminated markup');
    return at + marker.length;
  }

  private error(message: string): XmlRpcParseError {
    return new XmlRpcParseError(`${message} at offset ${this.i}`);
  }
}

export function parseXmlRpcResponse(xml: string, decoders?: ValueDecoders): MethodResponse {
  return new Parser(xml, decoders).parseMethodResponse();
}

export function parseMethodCall(xml: string): MethodCall {
  return new Parser(xml).parseMethodCall();
}
