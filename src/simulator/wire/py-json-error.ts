/**
 * The message Python's `json.loads` gives for a malformed body (`Expecting value: line 1 column 13
 * (char 12)`), which Odoo's JSON-2 quotes in its 400 answer. A small scanner finds the first error
 * the way Python's decoder does for the common cases.
 */
class PyJsonError extends Error {}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(what: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    throw new PyJsonError(`${what}: line ${line} column ${column} (char ${at})`);
  }

  skip(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  value(): void {
    this.skip();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|NaN|-?Infinity)/.exec(
      this.text.slice(this.pos),
    );
    if (!literal) this.fail('Expecting value');
    this.pos += literal[0].length;
  }

  string(): void {
    const start = this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') {
      this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    }
    if (this.pos >= this.text.length) this.fail('Unterminated string starting at', start);
    this.pos++;
  }

  private sequence(close: string, item: () => void): void {
    this.pos++;
    this.skip();
    if (this.text[this.pos] === close) return void this.pos++;
    for (;;) {
      item();
      this.skip();
      const c = this.text[this.pos];
      if (c === close) return void this.pos++;
      if (c !== ',') this.fail("Expecting ',' delimiter");
      this.pos++;
      this.skip();
    }
  }

  object(): void {
    this.sequence('}', () => {
      if (this.text[this.pos] !== '"') this.fail('Expecting property name enclosed in double quotes');
      this.string();
      this.skip();
      if (this.text[this.pos] !== ':') this.fail("Expecting ':' delimiter");
      this.pos++;
      this.value();
    });
  }

  array(): void {
    this.sequence(']', () => this.value());
  }
}

/** Python's error message for text JSON.parse refused. */
export function pythonJsonError(text: string): string {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.skip();
    if (scanner.pos < text.length) scanner.fail('Extra data');
    return scanner.fail('Expecting value');
  } catch (err) {
    if (err instanceof PyJsonError) return err.message;
    throw err;
  }
}
