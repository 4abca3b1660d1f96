/**
 * Replays every exchange of odoo-19.0-json2.json (Odoo 19, several databases, contacts + demo data),
 * in order, against the simulator in 19 mode with the `contacts-demo` seed (the recorded ids) and
 * `multiDb: true`: JSON-2 with each case's bearer key, XML-RPC with and without `X-Odoo-Database`.
 * Answers must match on status, key headers and body bytes, except where listed below with the reason.
 */
import type { RunningSimulator } from '../../src/simulator';
import {
  DEMO_KEY,
  expectCasesExist,
  lastLine,
  loadRecorded,
  recordingSimulator,
  replay,
  withoutDatetimes,
  type LiveResponse,
  type RecordedCase,
} from './recorded-exchange';

/** Every case is reproduced. */
const NOT_REPRODUCED: Record<string, string> = {};

const NOT_BYTE_IDENTICAL: Record<string, string> = {
  fields_get:
    "fields come in the simulator's model order, not Odoo's, and the simulator keeps Odoo 18's address " +
    'type labels ("Invoice Address" where 19 says "Invoice"): compared as parsed JSON without `selection`',
  error_422_validation_error_sql_constraint:
    'the traceback dumps the failing SQL row (compared to the last line)',
};

const cases = loadRecorded('odoo-19.0-json2.json');
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await recordingSimulator(19, 'odoo19_demo');
});

afterAll(async () => {
  await sim.close();
});

const keyOf = (c: RecordedCase): string => (c.key === 'demo' ? DEMO_KEY : sim.apiKey);

function withoutSelection(fields: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(Object.entries(fields).map(([name, { selection: _s, ...rest }]) => [name, rest]));
}

function compareBody(c: RecordedCase, res: LiveResponse): void {
  const recorded = c.response_body ?? '';
  if (!NOT_BYTE_IDENTICAL[c.name]) {
    expect(withoutDatetimes(res.body)).toBe(withoutDatetimes(recorded));
    return;
  }
  const expected = JSON.parse(recorded) as Record<string, Record<string, unknown>>;
  const actual = JSON.parse(res.body) as typeof expected;
  if (c.name === 'fields_get') return expect(withoutSelection(actual)).toEqual(withoutSelection(expected));
  const { debug, ...rest } = expected;
  const { debug: actualDebug, ...actualRest } = actual;
  expect(actualRest).toEqual(rest);
  expect(lastLine(actualDebug)).toBe(lastLine(debug));
}

describe('Odoo 19 JSON-2 transcripts replayed against the simulator (19, multi-db, contacts-demo)', () => {
  test('when the transcript is loaded, then only a short, explained list of cases is not reproduced', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expectCasesExist(cases, NOT_REPRODUCED, NOT_BYTE_IDENTICAL);
  });

  for (const c of cases) {
    if (NOT_REPRODUCED[c.name]) continue;
    test(`when ${c.name} is replayed, then the simulator answers like Odoo 19`, async () => {
      await replay(sim.url, c, { apiKey: keyOf(c) }, compareBody);
    });
  }

  test('when the XML-RPC cases have been replayed, then Odoo 19 logged one deprecation warning per call', () => {
    const xmlRpcCalls = cases.filter((c) => c.protocol === 'xmlrpc').length;
    expect(xmlRpcCalls).toBeGreaterThan(0);
    expect(sim.controls.deprecationWarnings()).toBe(xmlRpcCalls);
    expect(sim.controls.serverLog()[0]).toMatch(/^WARNING \/xmlrpc\/2\/common is deprecated/);
  });
});
