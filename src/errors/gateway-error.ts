/**
 * One error model for the whole gateway. Every error a caller can see is a GatewayError (or a
 * subclass); `to-http.ts` is the one place that turns it into a response. `message` is written for
 * the caller and must never hold an Odoo traceback, a file path, SQL or a credential.
 */
export interface ErrorDetail {
  line_id: string | null;
  error: string;
}

export interface GatewayErrorOptions {
  lineId?: string | null;
  details?: ErrorDetail[];
  headers?: Record<string, string>;
  cause?: unknown;
}

export class GatewayError extends Error {
  readonly lineId: string | null;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: GatewayErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.lineId = options.lineId ?? null;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}
