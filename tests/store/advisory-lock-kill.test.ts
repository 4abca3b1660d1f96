/**
 * A replica killed while it holds an identifier lock (SIGKILL: no finally block runs) must not block
 * that identifier forever: PostgreSQL ends the dead connection's session and frees its advisory locks.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { LockTimeoutError, lockId } from '../../src/store/advisory-locks';
import {
  BackendUnderTest,
  describeWithPostgres,
  noticeSkippedPostgres,
  postgresBackend,
} from '../support/store-backends';

const KEY = 'customers/ref/C-1001';

/** A separate node process that takes the advisory lock the store would, says "locked", and waits. */
function spawnHolder(url: string): Promise<ChildProcess> {
  const script =
    "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});" +
    "c.connect().then(()=>c.query('select pg_advisory_lock($1::bigint)',[process.argv[2]]))" +
    ".then(()=>{process.stdout.write('locked\\n');setInterval(()=>undefined,1000)})" +
    '.catch((e)=>{console.error(e.message);process.exit(1)})';
  const child = spawn(process.execPath, ['-e', script, url, lockId(KEY)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}

noticeSkippedPostgres('tests/store/advisory-lock-kill.test.ts');

describeWithPostgres('identifier locks when a replica dies', () => {
  let backend: BackendUnderTest;
  let holder: ChildProcess | undefined;
  beforeAll(async () => {
    backend = await postgresBackend();
  });
  afterAll(async () => {
    if (holder?.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL');
    await backend.cleanup();
  });

  test('when the process holding a lock is SIGKILLed, then its lock is released', async () => {
    const url = backend.settings.url ?? '';
    const store = await backend.open({ lockTimeoutMs: 300 });
    holder = await spawnHolder(url);
    await expect(store.locks.withKeys([KEY], async () => 'ran')).rejects.toBeInstanceOf(LockTimeoutError);

    const exited = new Promise((resolve) => holder?.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;

    const patient = await backend.open({ lockTimeoutMs: 5000 });
    await expect(patient.locks.withKeys([KEY], async () => 'ran')).resolves.toBe('ran');
  });
});
