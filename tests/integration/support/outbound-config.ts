/** The endpoint the outbound tests push: customers (res.partner with customer_rank), signed with hmac. */
import { TempConfig, writeTempConfig } from './temp-config';

export const OUTBOUND_SECRET = 'outbound-test-secret';

/** `outbound` holds the block's keys besides url and auth, indented by two spaces. */
export function pushingConfig(outbound = '  interval_s: 1\n'): TempConfig {
  return writeTempConfig({
    'partners.yaml': [
      'endpoint: partners',
      'model: res.partner',
      'methods: [GET]',
      'auth: { type: bearer, tokens: ["partners-token"] }',
      "domain: [['customer_rank', '>', 0]]",
      'fields:',
      '  - { key: ref, field: ref, identifier: true }',
      '  - { key: name, field: name }',
      '  - { key: email, field: email }',
      '  - key: country',
      '    field: country_id',
      '    relation: { model: res.country, match: code }',
      'outbound:',
      '  url: ${RECEIVER_URL}',
      '  auth: { type: hmac, secret: "${OUTBOUND_SECRET}" }',
      outbound,
    ].join('\n'),
  });
}

export const PARTNERS_AUTH = { Authorization: 'Bearer partners-token' };
