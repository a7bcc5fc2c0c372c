import pg from 'pg';

export class DatabaseUnreachableError extends Error {
  constructor(where: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot reach PostgreSQL at ${where} (DATABASE_URL): ${reason}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** Connects once, briefly, so that a wrong or stopped database fails the start with one line. */
export async function assertDatabaseReachable(databaseUrl: string, timeoutMs = 5_000) {
  const url = new URL(databaseUrl);
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: timeoutMs,
  });

  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new DatabaseUnreachableError(`${url.hostname}:${url.port || 5432}${url.pathname}`, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
