/**
 * Types for the two internal modules of `xmlrpc` 1.3.x (a dev dependency) that tests use to play
 * Odoo's side of the wire and to check the gateway's own codec (src/wire/) against the library's.
 * The gateway itself does not use `xmlrpc` (see src/odoo/xmlrpc-transport.ts). Only what we call is declared.
 */
declare module 'xmlrpc/lib/serializer' {
  export function serializeMethodCall(method: string, params: unknown[], encoding?: string): string;
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
