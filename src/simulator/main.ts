/** `npm run simulator`: the simulator with demo data on SIMULATOR_PORT (default 8069). */
import { startSimulator } from './index';

async function main(): Promise<void> {
  const port = Number(process.env.SIMULATOR_PORT ?? 8069);
  const host = process.env.SIMULATOR_HOST ?? '127.0.0.1';
  const sim = await startSimulator({ port, host, seed: 'demo' });
  console.log(`Odoo 18 simulator listening on ${sim.url}`);
  console.log(`  db: ${sim.db}  login: ${sim.username}  password: ${sim.password}`);
  console.log('  XML-RPC: /xmlrpc/2/common, /xmlrpc/2/object   JSON-RPC: /jsonrpc');
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('simulator failed to start:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
