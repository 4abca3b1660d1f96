/** Builds an endpoint's typed `outbound` settings from the validated YAML block. */
import { RawOutbound, RawOutboundAuth } from './raw-types';
import { OutboundAuth, OutboundConfig } from './types';

/** outbound-checks.ts has made sure each type carries its credentials. */
function buildOutboundAuth(auth: RawOutboundAuth): OutboundAuth {
  switch (auth.type) {
    case 'basic':
      return { type: 'basic', username: auth.username ?? '', password: auth.password ?? '' };
    case 'bearer':
      return { type: 'bearer', token: auth.token ?? '' };
    case 'hmac':
      return { type: 'hmac', secret: auth.secret ?? '' };
    default:
      return { type: 'none' };
  }
}

export function buildOutbound(raw: RawOutbound): OutboundConfig {
  return {
    url: raw.url,
    auth: buildOutboundAuth(raw.auth),
    events: raw.events,
    intervalS: raw.interval_s,
    batchSize: raw.batch_size,
    timeoutMs: raw.timeout_ms,
    maxAttempts: raw.max_attempts,
    backoff: { initialMs: raw.backoff.initial_ms, maxMs: raw.backoff.max_ms },
  };
}
