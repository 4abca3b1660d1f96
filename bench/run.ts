/**
 * `npm run bench`: starts the Odoo simulator (or uses the real Odoo given on the command line), the
 * gateway and a minimal Express baseline as child processes, runs the rows, prints one table and writes
 * it with every raw figure to bench/results/. See docs/benchmarks.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BenchContext } from './bench-context';
import { deleteCustomersByRefPrefix } from './odoo/clean-up';
import { DirectXmlRpcClient } from './odoo/direct-xmlrpc-client';
import { seedCustomers } from './odoo/seed-customers';
import { BenchOptions, OptionsError, parseOptions } from './options';
import { firstRequest } from './processes/first-request';
import { REPO_ROOT, startExpressBaselineChild, startGatewayChild } from './processes/gateway-child';
import { gatewaySettings } from './processes/gateway-config';
import { OdooTarget, realOdooTarget, startSimulatorTarget } from './processes/odoo-target';
import { writeResultsBlock } from './report/docs-block';
import { renderTable } from './report/table';
import { RowResult, checkTargets } from './report/targets';
import { writeResults } from './report/results-file';
import { runMeta } from './report/run-meta';
import { runCrudRow, settle } from './rows/crud-row';
import { idleRss, runMemoryRow, runStartupRow } from './rows/resource-rows';
import { runPushRow } from './rows/push-row';
import { runSimulatorRow } from './rows/simulator-row';
import { runStoreRow } from './rows/store-row';
import { runSyncRow } from './rows/sync-row';
import { runTransportsRow } from './rows/transports-row';
import { CrudOpId, LIST_SIZE, makeCustomers } from './workloads';

const CRUD_OPS: CrudOpId[] = ['get-one', 'list', 'post', 'put'];
/** GET list (100) needs at least this many customers; GET one and PUT rotate over them. */
const SEEDED_CUSTOMERS = LIST_SIZE + 20;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const parsed = parseOptions(argv, process.env);
  const { maxConcurrency, protocol } = gatewaySettings(parsed);
  const options: BenchOptions = { ...parsed, gatewayProtocol: protocol };
  const began = performance.now();
  const progress = (message: string) =>
    process.stderr.write(
      `[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}\n`,
    );
  const runTag = `B${Date.now().toString(36).toUpperCase()}`;
  const children: { stop(): Promise<void> }[] = [];
  let target: OdooTarget | undefined;
  let direct: DirectXmlRpcClient | undefined;
  try {
    progress(options.odoo ? 'using the real Odoo given on the command line' : 'starting the Odoo simulator');
    target = options.odoo
      ? realOdooTarget(options.odoo)
      : await startSimulatorTarget(options.latencies[0] ?? 0);
    direct = new DirectXmlRpcClient(target.connection, maxConcurrency);
    await direct.login();
    progress(`seeding ${SEEDED_CUSTOMERS} customers`);
    const seeded = makeCustomers(`${runTag}-SEED`, SEEDED_CUSTOMERS);
    await seedCustomers(direct.exec, seeded);

    progress('starting the gateway (node dist/src/index.js) and the Express baseline');
    const gateway = await startGatewayChild({
      configPath: options.configPath,
      odoo: target.connection,
      cpuProfDir: options.cpuProfDir,
      protocol: options.gatewayProtocol,
      // The CRUD rows compare the gateway with clients making the classic plan's calls.
      readPlan: 'classic',
    });
    children.push(gateway);
    const headers = {
      authorization: `Bearer ${process.env.SHOP_TOKEN ?? 'shop-secret-token'}`,
      'content-type': 'application/json',
    };
    await firstRequest(gateway, headers);
    const idleMb = await idleRss(gateway);
    const express = await startExpressBaselineChild(
      target.connection,
      maxConcurrency,
      options.gatewayProtocol,
    );
    children.push(express);
    await firstRequest(express, headers);
    const expressIdleMb = await idleRss(express);
    const context: BenchContext = {
      options, target, gateway, express, direct, headers, runTag, maxConcurrency, progress,
      seededRefs: seeded.map((customer) => customer.customer_id),
    }; // prettier-ignore

    const rows = await runRows(context, idleMb, expressIdleMb);
    if (!target.simulated) {
      progress('deleting the customers this run created in Odoo');
      await deleteCustomersByRefPrefix(direct.exec, `${runTag}-`);
    }
    const targets = checkTargets(rows, target.simulated);
    const table = renderTable(rows, target.simulated, targets);
    const durationS = Math.round((performance.now() - began) / 1000);
    const file = writeResults(options.outDir, {
      meta: runMeta(options, argv, durationS, maxConcurrency),
      rows,
      targets,
      table,
    });
    console.log(table);
    console.log(`\n${rows.length} rows in ${durationS} s; results: ${file} (and latest.md)`);
    if (options.writeDocs) {
      const docs = ['docs/benchmarks.md', 'README.md'].map((name) => path.join(REPO_ROOT, name));
      const written = writeResultsBlock(
        docs,
        fs.readFileSync(path.join(options.outDir, 'latest.md'), 'utf8'),
      );
      console.log(
        written.length ? `updated: ${written.join(', ')}` : 'no file has the bench-results markers',
      );
    }
  } finally {
    for (const child of children.reverse()) await child.stop();
    direct?.close();
    await target?.close();
  }
}

async function runRows(
  context: BenchContext,
  idleMb: number | undefined,
  expressIdleMb: number | undefined,
): Promise<RowResult[]> {
  const { options, target } = context;
  const rows: RowResult[] = [];
  // Rows that create customers delete them afterwards: every row then reads a database of the same size.
  const removeCreated = async (latencyMs: number) => {
    await settle(latencyMs);
    await deleteCustomersByRefPrefix(context.direct.exec, `${context.runTag}-L${latencyMs}-`);
  };
  for (const latencyMs of options.latencies) {
    await target.setLatency(latencyMs);
    for (const op of CRUD_OPS) {
      if (!options.rows.has(op)) continue;
      rows.push(await runCrudRow(context, op, latencyMs));
      if (op === 'post') await removeCreated(latencyMs);
    }
    if (options.rows.has('sync')) {
      rows.push(await runSyncRow(context, latencyMs));
      await removeCreated(latencyMs);
    }
    if (options.rows.has('startup')) rows.push(await runStartupRow(context, latencyMs));
  }
  if (options.rows.has('simulator') && target.simulated) rows.push(await runSimulatorRow(context));
  if (options.rows.has('transports')) rows.push(await runTransportsRow(context));
  if (options.rows.has('store')) rows.push(await runStoreRow(context));
  if (options.rows.has('push')) rows.push(await runPushRow(context));
  if (options.rows.has('memory')) {
    await target.setLatency(options.latencies[0] ?? 0);
    rows.push(await runMemoryRow(context, idleMb, expressIdleMb));
  }
  return rows;
}

main().catch((error: unknown) => {
  if (error instanceof OptionsError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
