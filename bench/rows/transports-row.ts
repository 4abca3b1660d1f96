/**
 * The transports row: the gateway's GET one and GET list (100) over each wire it speaks to Odoo, each
 * beside a plain XML-RPC client making the naive calls (search_read, then one read per related model)
 * against the same Odoo in the same run. On the simulator it plays the servers the wires differ on:
 * Odoo 18 with several databases (XML-RPC, /jsonrpc, session) and Odoo 19 (JSON-2 with an API key),
 * where every stateless call pays a fresh database connection; against a real Odoo it is that server,
 * with every transport it accepts.
 */
import type { BenchContext } from '../bench-context';
import type { CallTally } from '../odoo/call-tally';
import { DirectXmlRpcClient } from '../odoo/direct-xmlrpc-client';
import type { OdooConnection } from '../odoo/odoo-exec';
import { seedCustomers } from '../odoo/seed-customers';
import type { ReadPlan } from '../options';
import { firstRequestRefusal } from '../processes/first-request';
import { gatewayHasReadPlan } from '../processes/gateway-config';
import { GatewayProtocol, startGatewayChild } from '../processes/gateway-child';
import { SimulatedOdoo, startSimulatorTarget } from '../processes/odoo-target';
import { makeCustomers } from '../workloads';
import { CrudRowResult, Ratios, SideResult, runCrudRow } from './crud-row';

/** What every simulated call costs, stateless or not (the stateless cost comes on top). */
export const TRANSPORT_BASE_LATENCY_MS = 10;
const SEEDED_CUSTOMERS = 120;
const READ_OPS = ['get-one', 'list'] as const;

export interface TransportOpResult {
  op: (typeof READ_OPS)[number];
  label: string;
  gateway: SideResult;
  /** The plain XML-RPC client's naive calls. */
  naive: SideResult;
  /** gateway ÷ naive. */
  vsNaive: Ratios;
  calls: { gateway?: CallTally; naive?: CallTally };
}

export interface TransportRun {
  transport: GatewayProtocol;
  /** Which Odoo it ran against, e.g. "Odoo 18, several databases". */
  odoo: string;
  /** Why the transport did not run (the server refused it); then `ops` is empty. */
  skipped?: string;
  ops: TransportOpResult[];
}

export interface TransportsRowResult {
  kind: 'transports';
  /** Per call, and per stateless call on top (undefined against a real Odoo). */
  latencyMs?: number;
  statelessMs?: number;
  /** The plan the gateways were given; `applied` false when this gateway has no read plan setting. */
  readPlan: { asked: ReadPlan; applied: boolean };
  connections: number;
  runs: TransportRun[];
}

interface TransportOdoo {
  label: string;
  transports: GatewayProtocol[];
  /** Undefined: the real Odoo of the run. */
  simulated?: SimulatedOdoo;
}

export async function runTransportsRow(context: BenchContext): Promise<TransportsRowResult> {
  const { options } = context;
  const runs: TransportRun[] = [];
  for (const odoo of transportOdoos(context)) runs.push(...(await runOnOdoo(context, odoo)));
  return {
    kind: 'transports',
    latencyMs: context.target.simulated ? TRANSPORT_BASE_LATENCY_MS : undefined,
    statelessMs: context.target.simulated ? options.statelessMs : undefined,
    readPlan: { asked: options.readPlan, applied: gatewayHasReadPlan(options.configPath) },
    connections: options.latencyConnections,
    runs,
  };
}

function transportOdoos(context: BenchContext): TransportOdoo[] {
  if (!context.target.simulated)
    return [{ label: 'real Odoo', transports: ['xmlrpc', 'jsonrpc', 'session', 'json2'] }];
  const statelessCallMs = context.options.statelessMs;
  return [
    {
      label: 'Odoo 18, several databases',
      transports: ['xmlrpc', 'jsonrpc', 'session'],
      simulated: { version: 18, multiDb: true, statelessCallMs },
    },
    {
      label: 'Odoo 19, several databases',
      transports: ['json2'],
      simulated: { version: 19, multiDb: true, statelessCallMs },
    },
  ];
}

/** The Odoo, its direct client and its seeded customers: the run's own, or a simulator started here. */
async function runOnOdoo(context: BenchContext, odoo: TransportOdoo): Promise<TransportRun[]> {
  if (!odoo.simulated) return runTransports(context, odoo);
  context.progress(`transports: starting a simulated ${odoo.label}, seeding ${SEEDED_CUSTOMERS} customers`);
  const target = await startSimulatorTarget(0, odoo.simulated);
  const direct = new DirectXmlRpcClient(target.connection, context.maxConcurrency);
  try {
    await direct.login();
    const seeded = makeCustomers(`${context.runTag}-T${odoo.simulated.version ?? 18}`, SEEDED_CUSTOMERS);
    await seedCustomers(direct.exec, seeded);
    await target.setLatency(TRANSPORT_BASE_LATENCY_MS);
    const seededRefs = seeded.map((customer) => customer.customer_id);
    return await runTransports({ ...context, target, direct, seededRefs }, odoo);
  } finally {
    direct.close();
    await target.close();
  }
}

async function runTransports(context: BenchContext, odoo: TransportOdoo): Promise<TransportRun[]> {
  const runs: TransportRun[] = [];
  for (const transport of odoo.transports) {
    const progress = (message: string) => context.progress(`transports: ${transport}, ${message}`);
    progress(`starting a gateway on ${odoo.label}`);
    const gateway = await startGatewayChild({
      configPath: context.options.configPath,
      odoo: credentialsFor(transport, context.target.connection),
      protocol: transport,
      readPlan: context.options.readPlan,
    });
    try {
      const skipped = await firstRequestRefusal(gateway, context.headers);
      if (skipped) {
        progress(`skipped: ${skipped}`);
        runs.push({ transport, odoo: odoo.label, skipped, ops: [] });
        continue;
      }
      const options = { ...context.options, rounds: transportRounds(context.options.rounds) };
      const side = { ...context, options, gateway, express: undefined, progress };
      const ops: TransportOpResult[] = [];
      for (const op of READ_OPS) ops.push(opResult(op, await runCrudRow(side, op, latencyOf(context))));
      runs.push({ transport, odoo: odoo.label, ops });
    } finally {
      await gateway.stop();
    }
  }
  return runs;
}

/** Half the CRUD rows' rounds (at least one): the row has eight pairs of sides to measure. */
export function transportRounds(rounds: number): number {
  return Math.ceil(rounds / 2);
}

/** JSON-2 authenticates with an API key: the simulator's, or --api-key (else the password given). */
function credentialsFor(transport: GatewayProtocol, connection: OdooConnection): OdooConnection {
  return transport === 'json2'
    ? { ...connection, password: connection.apiKey ?? connection.password }
    : connection;
}

function latencyOf(context: BenchContext): number {
  return context.target.simulated ? TRANSPORT_BASE_LATENCY_MS : 0;
}

function opResult(op: TransportOpResult['op'], row: CrudRowResult): TransportOpResult {
  return {
    op,
    label: row.label,
    gateway: row.gateway,
    naive: row.direct,
    vsNaive: row.vsDirect,
    calls: { gateway: row.callsOfOneRequest.gateway, naive: row.callsOfOneRequest.direct },
  };
}
