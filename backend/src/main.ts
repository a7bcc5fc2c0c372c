import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory.js';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config.js';
import { assertDatabaseReachable, DatabaseUnreachableError } from './database/database-check.js';

async function main(): Promise<void> {
  const config = loadConfig();
  await assertDatabaseReachable(config.DATABASE_URL);

  const app = await createApp(config);
  stopGracefullyOnSignals(app, config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

// On SIGTERM (a deployment, a scale-in) the server stops accepting, lets requests in flight
// finish, then closes the database pool; past the grace period it gives up.
function stopGracefullyOnSignals(app: NestFastifyApplication, config: AppConfig): void {
  const logger = new Logger('Shutdown');
  let stopping = false;

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.log({ signal, graceMs: config.SHUTDOWN_TIMEOUT_MS }, 'Stopping');
    setTimeout(() => {
      logger.error({ graceMs: config.SHUTDOWN_TIMEOUT_MS }, 'Requests still running: forced exit');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();

    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Start-up failures are explained in one line: there is no request to attach them to.
  if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const port = process.env.PORT ?? '3000';
    console.error(`Port ${port} is already in use: stop what listens there or set PORT.`);
  } else {
    console.error('The API could not start:', error);
  }
  process.exit(1);
});
