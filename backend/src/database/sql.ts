import type { QueryResult, Transaction } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlConnection as Connection } from '@mikro-orm/postgresql';

/**
 * Plain statements on one connection, for the paths that need no unit of work: the front
 * desk's transactions and the reads behind them. Placeholders are MikroORM's `?`.
 */
export interface Sql {
  /** The rows the statement returns. */
  all<T extends object>(query: string, params?: readonly unknown[]): Promise<T[]>;
  /** How many rows the statement changed. */
  run(query: string, params?: readonly unknown[]): Promise<number>;
}

/** Statements on the entity manager's connection, inside its transaction when it has one. */
export function sqlOf(em: EntityManager): Sql {
  return statementsOn(em.getConnection(), em.getTransactionContext());
}

/**
 * Runs `work` in a transaction of plain statements, committed when it returns and rolled back
 * when it throws. No entity is loaded or flushed: the statements are all the work there is.
 */
export function inTransaction<T>(em: EntityManager, work: (sql: Sql) => Promise<T>): Promise<T> {
  const connection = em.getConnection();

  return connection.transactional((context) => work(statementsOn(connection, context)));
}

function statementsOn(connection: Connection, context: Transaction | undefined): Sql {
  return {
    all: (query, params = []) => connection.execute(query, params, 'all', context),
    run: async (query, params = []) =>
      (await connection.execute<QueryResult>(query, params, 'run', context)).affectedRows,
  };
}

/** The unique constraint a statement broke, if that is why it failed. */
export function brokenUnique(error: unknown): string | undefined {
  return error instanceof Error && (error as { code?: string }).code === '23505'
    ? (error as { constraint?: string }).constraint
    : undefined;
}

/**
 * A PostgreSQL array literal for a list of ids, to bind as one `?::uuid[]` parameter: the
 * driver would otherwise expand a JavaScript array into a list of parameters.
 */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
