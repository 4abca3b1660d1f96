import { mergeSamples, percentile, summarize } from '../../bench/load/latency-stats';
import { sameCalls, tallyDelta, tallyFromMetrics, tallyOf } from '../../bench/odoo/call-tally';

describe('bench figures', () => {
  test('when 100 response times are summarized, then p50 and p99 are nearest-rank and req/s is per wall second', () => {
    const latenciesMs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    const summary = summarize({ latenciesMs, seconds: 4, errors: 1, errorSamples: ['HTTP 502'] });
    expect(summary).toMatchObject({ requests: 100, rps: 25, p50Ms: 50, p99Ms: 99, meanMs: 50.5, errors: 1 });
  });

  test('when there are no samples, then the percentile is 0 rather than undefined', () => {
    expect(percentile([], 50)).toBe(0);
  });

  test('when rounds of one side are merged, then requests pool and seconds add up', () => {
    const merged = mergeSamples([
      { latenciesMs: [1, 2], seconds: 1, errors: 0, errorSamples: [] },
      { latenciesMs: [3], seconds: 2, errors: 2, errorSamples: ['HTTP 500'] },
    ]);
    expect(summarize(merged)).toMatchObject({
      requests: 3,
      seconds: 3,
      rps: 1,
      errors: 2,
      errorSamples: ['HTTP 500'],
    });
  });

  test("when the gateway's /metrics text is read, then Odoo calls add up by model and method across outcomes", () => {
    const text = [
      '# HELP gateway_odoo_calls_total Calls to Odoo by model (or service), method and outcome',
      '# TYPE gateway_odoo_calls_total counter',
      'gateway_odoo_calls_total{model="res.partner",method="search_read",outcome="ok"} 7',
      'gateway_odoo_calls_total{model="res.partner",method="search_read",outcome="fault"} 1',
      'gateway_odoo_calls_total{model="res.country",method="read",outcome="ok"} 3',
      'gateway_http_requests_total{endpoint="customers",method="GET",status="200"} 9',
    ].join('\n');
    expect(tallyFromMetrics(text)).toEqual({
      total: 11,
      byMethod: { 'res.partner.search_read': 8, 'res.country.read': 3 },
    });
  });

  test('when two tallies are compared, then only the same count of every kind of call is "the same calls"', () => {
    const before = tallyOf(['res.partner.search_read']);
    const after = tallyOf(['res.partner.search_read', 'res.partner.search_read', 'res.country.read']);
    const delta = tallyDelta(after, before);
    expect(delta).toEqual({ total: 2, byMethod: { 'res.partner.search_read': 1, 'res.country.read': 1 } });
    expect(sameCalls(delta, tallyOf(['res.country.read', 'res.partner.search_read']))).toBe(true);
    expect(sameCalls(delta, tallyOf(['res.country.read', 'res.partner.read']))).toBe(false);
  });
});
