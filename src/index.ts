/**
 * Process entry: load config → start the gateway → reload on SIGHUP → graceful shutdown on SIGTERM.
 * The only place (with the config loader) that reads process.env, and the only one that exits.
 */
import { ConfigError } from './config/config-error';
import { configPathFromEnv, loadConfig } from './config/load-config';
import { startGateway } from './gateway';
import { createLogger } from './logging/create-logger';

async function main(): Promise<void> {
  const env = process.env;
  const configPath = configPathFromEnv(env);
  let config;
  try {
    config = loadConfig({ configPath, env });
  } catch (error) {
    if (error instanceof ConfigError) {
      // An ops mistake: the message names file, line, key and fix. A stack trace would only hide it.
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.settings.logging);
  const gateway = await startGateway({ config, logger, watch: { configPath, env }, env });

  process.on('SIGHUP', () => {
    logger.info('SIGHUP: reloading configuration');
    void gateway.reload();
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping; finishing requests in flight`);
    gateway.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
