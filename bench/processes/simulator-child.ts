/**
 * Child process entry: the built-in Odoo simulator in its own process (so its CPU is not shared with
 * the load generator), steered by the bench over IPC: latency, call log count, clear, stop. Its Odoo
 * version, multi-database mode and stateless-call cost come from the environment (odoo-target.ts).
 */
import { OdooVersion, startSimulator } from '../../src/simulator';
import type { SimulatorRequest, SimulatorReply } from './simulator-protocol';

async function main(): Promise<void> {
  const env = process.env;
  const sim = await startSimulator({
    seed: 'demo',
    keepAlive: true,
    latencyMs: Number(env.BENCH_SIM_LATENCY_MS ?? 0),
    version: Number(env.BENCH_SIM_VERSION ?? 18) as OdooVersion,
    multiDb: env.BENCH_SIM_MULTI_DB === 'true',
    statelessCallMs: Number(env.BENCH_SIM_STATELESS_MS ?? 0),
  });
  const reply = (message: SimulatorReply) => process.send?.(message);
  process.on('message', (request: SimulatorRequest) => {
    switch (request.cmd) {
      case 'latency':
        sim.controls.setLatency(request.ms);
        return reply({ id: request.id, ok: true });
      case 'clear':
        sim.controls.clearCallLog();
        return reply({ id: request.id, ok: true });
      case 'log': {
        const kinds = sim.controls
          .callLog()
          .map((call) =>
            call.service === 'common' ? `common.${call.method}` : `${call.model}.${call.modelMethod}`,
          );
        return reply({ id: request.id, ok: true, kinds });
      }
      case 'stop':
        void sim.close().then(() => {
          reply({ id: request.id, ok: true });
          process.disconnect();
        });
        return;
    }
  });
  process.on('disconnect', () => void sim.close());
  reply({
    id: 0,
    ok: true,
    ready: { url: sim.url, db: sim.db, username: sim.username, password: sim.password, apiKey: sim.apiKey },
  });
}

main().catch((error: unknown) => {
  console.error(`bench simulator failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
