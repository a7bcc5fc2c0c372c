import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { assertDatabaseReachable, DatabaseUnreachableError } from './database/database-check.js';

async function main(): Promise<void> {
  const config = loadConfig();
  await assertDatabaseReachable(config.DATABASE_URL);

  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
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
