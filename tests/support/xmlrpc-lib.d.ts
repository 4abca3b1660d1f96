/**
 * Types for the two internal modules of `xmlrpc` 1.3.x that the XML-RPC transport uses directly
 * (see xmlrpc-transport.ts for why the transport does not use `xmlrpc.createClient`).
 * Only what we call is declared.
 */
declare module 'xmlrpc/lib/serializer' {
  export function serializeMethodCall(method: string, params: unknown[], encoding?: string): string;
  /** Used by tests and fakes that play Odoo's side. */
  export function serializeMethodResponse(result: unknown): string;
  export function serializeFault(fault: { faultCode: number; faultString: string }): string;
}

declare module 'xmlrpc/lib/deserializer' {
  import type { Readable } from 'stream';

  class Deserializer {
    constructor(encoding?: string);
    /** Calls back once: `(error)` for a fault (with faultCode/faultString) or a parse error, else `(null, value)`. */
    deserializeMethodResponse(stream: Readable, callback: (error: unknown, result?: unknown) => void): void;
    deserializeMethodCall(
      stream: Readable,
      callback: (error: unknown, method?: string, params?: unknown[]) => void,
    ): void;
    push(value: unknown): void;
    value: boolean;
    endBase64(data: string): void;
    endDateTime(data: string): void;
    endI8(data: string): void;
  }
  export = Deserializer;
}
