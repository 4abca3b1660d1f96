import { createMetrics } from '../../../src/metrics/metrics';

describe('gateway_config_last_reload_success_timestamp_seconds', () => {
  it('when the metrics are created at start, then the gauge holds the start time, not 0', async () => {
    const before = Date.now() / 1000;
    const metric = await createMetrics()
      .registry.getSingleMetric('gateway_config_last_reload_success_timestamp_seconds')
      ?.get();
    const value = metric?.values[0]?.value ?? 0;
    expect(value).toBeGreaterThanOrEqual(Math.floor(before));
    expect(value).toBeLessThanOrEqual(Date.now() / 1000 + 1);
  });
});
