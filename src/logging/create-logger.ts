import winston from 'winston';
import type { GatewaySettings } from '../config/types';
import { redactFormat } from './formats';

export interface LoggerOptions {
  level: GatewaySettings['logging']['level'];
  /** `json`: one JSON object per line, for machines. `pretty`: one readable line, for humans. */
  format: GatewaySettings['logging']['format'];
  /** Where lines go; defaults to stdout. Tests pass a PassThrough to read what was logged. */
  stream?: NodeJS.WritableStream;
}

/**
 * The one logger factory. Every entry passes through redaction, whatever the output format, so no
 * call site can forget it. Lines about a request name its `request_id` themselves.
 */
export function createLogger(options: LoggerOptions): winston.Logger {
  const stream = options.stream ?? process.stdout;
  const output = options.format === 'json' ? winston.format.json() : prettyFormat(isTty(stream));
  return winston.createLogger({
    level: options.level,
    format: winston.format.combine(
      winston.format.timestamp(),
      redactFormat(),
      output,
    ),
    transports: [new winston.transports.Stream({ stream })],
    exitOnError: false,
  });
}

function prettyFormat(colors: boolean): winston.Logform.Format {
  const line = winston.format.printf((info) => {
    const { timestamp, level, message, request_id: requestId, ...rest } = info;
    const id = typeof requestId === 'string' ? ` [${requestId}]` : '';
    const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    return `${String(timestamp)} ${level}${id} ${String(message)}${extra}`;
  });
  return colors ? winston.format.combine(winston.format.colorize(), line) : line;
}

function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
