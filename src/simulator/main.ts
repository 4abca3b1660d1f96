/** `npm run simulator`: the simulator with demo data; options in main-options.ts (env and flags). */
import { startSimulator } from './index';
import { simulatorOptionsFrom } from './main-options';

async function main(): Promise<void> {
  const options = simulatorOptionsFrom(process.env, process.argv.slice(2));
  const sim = await startSimulator({
    ...options,
    log: (line) => console.warn(line),
  });
  const where = options.multiDb ? 'several databases' : 'one database';
  console.log(`Odoo ${sim.version} simulator listening on ${sim.url} (${where})`);
  console.log(`  db: ${sim.db}  login: ${sim.username}  password: ${sim.password}  API key: ${sim.apiKey}`);
  console.log('  XML-RPC: /xmlrpc/2/common, /xmlrpc/2/object   JSON-RPC: /jsonrpc');
  console.log('  session: /web/session/authenticate, /web/dataset/call_kw/<model>/<method>');
  if (sim.version >= 19) console.log('  JSON-2: /json/2/<model>/<method> (Authorization: bearer <API key>)');
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
