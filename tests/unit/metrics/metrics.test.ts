import express from 'express';
import request from 'supertest';
import { createMetrics } from '../../../src/metrics/metrics';

/** The value of one series in Prometheus text, or undefined when the series is absent. */
function seriesValue(text: string, series: string): number | undefined {
  const found = text.split('\n').find((row) => row.startsWith(`${series} `));
  return found === undefined ? undefined : Number(found.slice(series.length + 1));
}

function appWithMetrics(isEndpoint = (name: string) => name === 'customers') {
  const metrics = createMetrics();
  const app = express();
  app.use(metrics.httpMiddleware({ isEndpoint }));
  app.get('/metrics', metrics.handler());
  app.get('/bj_api_sync/v1/:endpoint', (_req, res) => {
    res.json({ success: true });
  });
  app.post('/bj_api_sync/v1/:endpoint', (_req, res) => {
    res.status(400).json({ success: false });
  });
  return { metrics, app };
}

describe('metrics', () => {
  it('when the Odoo connection settles, then the protocol info series moves from auto to the chosen protocol', async () => {
    const { metrics, app } = appWithMetrics();
    const before = (await request(app).get('/metrics')).text;
    expect(seriesValue(before, 'gateway_odoo_protocol_info{protocol="auto",server_version="unknown"}')).toBe(
      1,
    );
    metrics.recordOdooConnection({ protocol: 'json2', serverVersion: '19.0' });
    const after = (await request(app).get('/metrics')).text;
    expect(seriesValue(after, 'gateway_odoo_protocol_info{protocol="json2",server_version="19.0"}')).toBe(1);
    expect(after).not.toContain('protocol="auto"');
  });

  it('when the Odoo client reports calls, then counters and latency are in /metrics by model, method, outcome', async () => {
    const { metrics, app } = appWithMetrics();
    metrics.observer.onCallEnd?.({
      service: 'object',
      model: 'res.partner',
      method: 'search_read',
      ms: 12,
      outcome: 'ok',
    });
    metrics.observer.onCallEnd?.({
      service: 'object',
      model: 'res.partner',
      method: 'search_read',
      ms: 30,
      outcome: 'ok',
    });
    metrics.observer.onCallEnd?.({
      service: 'object',
      model: 'res.partner',
      method: 'create',
      ms: 5,
      outcome: 'fault',
    });
    metrics.observer.onCallEnd?.({
      service: 'common',
      model: null,
      method: 'authenticate',
      ms: 3,
      outcome: 'timeout',
    });

    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(
      seriesValue(text, 'gateway_odoo_calls_total{model="res.partner",method="search_read",outcome="ok"}'),
    ).toBe(2);
    expect(
      seriesValue(text, 'gateway_odoo_calls_total{model="res.partner",method="create",outcome="fault"}'),
    ).toBe(1);
    expect(
      seriesValue(text, 'gateway_odoo_calls_total{model="common",method="authenticate",outcome="timeout"}'),
    ).toBe(1);
    expect(
      seriesValue(text, 'gateway_odoo_call_duration_seconds_count{model="res.partner",method="search_read"}'),
    ).toBe(2);
    expect(
      seriesValue(text, 'gateway_odoo_call_duration_seconds_sum{model="res.partner",method="search_read"}'),
    ).toBeCloseTo(0.042);
  });

  it('when the queue changes, then the in-flight and queued gauges show the last state', async () => {
    const { metrics, app } = appWithMetrics();
    metrics.observer.onQueueChange?.(8, 3);
    metrics.observer.onQueueChange?.(5, 0);
    const text = (await request(app).get('/metrics')).text;
    expect(seriesValue(text, 'gateway_odoo_calls_in_flight')).toBe(5);
    expect(seriesValue(text, 'gateway_odoo_calls_queued')).toBe(0);
  });

  it('when requests are served, then they are counted by configured endpoint, method and status', async () => {
    const { app } = appWithMetrics();
    await request(app).get('/bj_api_sync/v1/customers?limit=5');
    await request(app).get('/bj_api_sync/v1/customers');
    await request(app).post('/bj_api_sync/v1/customers').send({});
    const text = (await request(app).get('/metrics')).text;
    expect(
      seriesValue(text, 'gateway_http_requests_total{endpoint="customers",method="GET",status="200"}'),
    ).toBe(2);
    expect(
      seriesValue(text, 'gateway_http_requests_total{endpoint="customers",method="POST",status="400"}'),
    ).toBe(1);
    expect(
      seriesValue(text, 'gateway_http_request_duration_seconds_count{endpoint="customers",method="GET"}'),
    ).toBe(2);
  });

  it('when paths are not configured endpoints, then they share the "other" label and never appear raw', async () => {
    const { app } = appWithMetrics();
    await request(app).get('/bj_api_sync/v1/random-1');
    await request(app).get('/bj_api_sync/v1/random-2');
    await request(app).get('/wp-login.php');
    const text = (await request(app).get('/metrics')).text;
    expect(text).not.toContain('random-1');
    expect(text).not.toContain('wp-login');
    expect(seriesValue(text, 'gateway_http_requests_total{endpoint="other",method="GET",status="200"}')).toBe(
      2,
    );
    expect(seriesValue(text, 'gateway_http_requests_total{endpoint="other",method="GET",status="404"}')).toBe(
      1,
    );
  });

  it('when an unusual method is used, then the method label is bounded too', async () => {
    const { app } = appWithMetrics();
    await request(app).get('/bj_api_sync/v1/customers');
    await request(app).options('/bj_api_sync/v1/customers');
    await request(app).search('/bj_api_sync/v1/customers');
    const text = (await request(app).get('/metrics')).text;
    expect(text).toContain('method="OPTIONS"');
    expect(text).not.toContain('method="SEARCH"');
    expect(text).toMatch(/gateway_http_requests_total\{endpoint="customers",method="other",status="\d+"\} 1/);
  });

  it('when config reloads succeed or fail, then both are counted separately', async () => {
    const { metrics, app } = appWithMetrics();
    const initial = (await request(app).get('/metrics')).text;
    expect(seriesValue(initial, 'gateway_config_reloads_total{result="failure"}')).toBe(0);
    metrics.recordReload(true);
    metrics.recordReload(false);
    metrics.recordReload(false);
    const text = (await request(app).get('/metrics')).text;
    expect(seriesValue(text, 'gateway_config_reloads_total{result="success"}')).toBe(1);
    expect(seriesValue(text, 'gateway_config_reloads_total{result="failure"}')).toBe(2);
    expect(seriesValue(text, 'gateway_config_last_reload_success_timestamp_seconds')).toBeGreaterThan(1.7e9);
  });

  it('when two metrics instances exist, then they do not share counters, and each has process metrics', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.recordReload(false);
    const firstText = await first.registry.metrics();
    const secondText = await second.registry.metrics();
    expect(seriesValue(firstText, 'gateway_config_reloads_total{result="failure"}')).toBe(1);
    expect(seriesValue(secondText, 'gateway_config_reloads_total{result="failure"}')).toBe(0);
    expect(secondText).toContain('process_cpu_user_seconds_total');
    expect(secondText).toContain('nodejs_heap_size_used_bytes');
  });
});
