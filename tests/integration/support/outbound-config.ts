/** The endpoint the outbound tests push: customers (res.partner with customer_rank), signed with hmac. */
import { Harness, startHarness } from './gateway-harness';
import { Receiver, startReceiver } from './outbound-receiver';
import { TempConfig, writeTempConfig } from './temp-config';
import { waitFor } from './waiting';

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

export interface PushingGateway {
  h: Harness;
  receiver: Receiver;
  close(): Promise<void>;
}

/**
 * For a describe block: starts the pushing gateway before its tests and closes it after them. Read
 * `h` and `receiver` inside the tests (they exist once beforeAll has run).
 */
export function usePushingGateway(outbound: string): PushingGateway {
  let started: PushingGateway | undefined;
  beforeAll(async () => {
    started = await startPushingGateway(outbound);
  });
  afterAll(() => started?.close());
  const running = (): PushingGateway => {
    if (!started) throw new Error('the pushing gateway is not started (use it inside a test)');
    return started;
  };
  return {
    get h() {
      return running().h;
    },
    get receiver() {
      return running().receiver;
    },
    close: () => running().close(),
  };
}

/**
 * A receiver checking signatures, and the harness pushing `partners` to it (`outbound`: as for
 * pushingConfig); resolves once the first poll has set the cursor to "now" (earlier changes are not
 * pushed).
 */
export async function startPushingGateway(outbound: string): Promise<PushingGateway> {
  const receiver = await startReceiver(OUTBOUND_SECRET);
  const config = pushingConfig(outbound);
  const h = await startHarness({
    configPath: config.configPath,
    env: { RECEIVER_URL: receiver.url, OUTBOUND_SECRET },
    outbound: true,
  });
  await waitFor(async () => (await h.store.outbound.state('partners'))?.cursor != null);
  return {
    h,
    receiver,
    close: async () => {
      await h.close();
      await receiver.close();
      config.remove();
    },
  };
}
