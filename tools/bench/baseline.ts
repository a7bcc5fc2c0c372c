import Fastify from 'fastify';
import pg from 'pg';

/** The API's own SQL, loaded from its build so that both sides run the same statements. */
export interface ApiSql {
  availability: string;
  board: string;
  search: (everyone: boolean, words: number) => string;
  searchWords: (query: string) => string[];
  lockBed: string;
  matchThreshold: number;
}

// node-postgres numbers its placeholders; MikroORM writes `?`.
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * The same queries behind a plain Fastify + pg server, with no framework, validation, auth or
 * audit: the ceiling the API is measured against.
 */
export async function startBaseline(databaseUrl: string, sql: ApiSql, adminId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify({ logger: false });
  const availability = numbered(sql.availability);
  const board = numbered(sql.board);
  const lockBed = numbered(sql.lockBed);

  app.get('/availability', async () => (await pool.query(availability)).rows);
  app.get(
    '/shelters/:id/board',
    async (request) => (await pool.query(board, [(request.params as { id: string }).id])).rows,
  );
  app.get('/clients', async (request) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
        String(sql.matchThreshold),
      ]);
      const q = (request.query as { q: string }).q;
      const words = sql.searchWords(q);
      const { rows } = await client.query(numbered(sql.search(true, words.length)), [
        q,
        ...words,
        21,
        0,
      ]);
      await client.query('commit');
      return rows;
    } finally {
      client.release();
    }
  });
  app.get(
    '/clients/:id',
    async (request) =>
      (
        await pool.query('select * from clients where id = $1', [
          (request.params as { id: string }).id,
        ])
      ).rows[0],
  );
  app.post('/stays', async (request, reply) => {
    const { bedId, clientId } = request.body as { bedId: string; clientId: string };
    const client = await pool.connect();
    try {
      await client.query('begin');
      const bed = (await client.query(lockBed, [bedId])).rows[0];
      const { rows } = await client.query(
        `insert into stays (client_id, bed_id, shelter_id, checked_in_at, checked_in_by_id) values ($1, $2, $3, now(), $4) returning id`,
        [clientId, bedId, bed.shelterId, adminId],
      );
      await client.query('update shelters set board_changed_at = now() where id = $1', [
        bed.shelterId,
      ]);
      await client.query(
        `insert into audit_events (actor_id, action, entity_type, entity_id, client_id) values ($1, 'stay.checked-in', 'stay', $2, $3)`,
        [adminId, rows[0].id, clientId],
      );
      await client.query('commit');
      reply.code(201);
      return rows[0];
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  });
  app.post('/stays/:id/check-out', async (request) => {
    const id = (request.params as { id: string }).id;
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query(
        `update stays set checked_out_at = now(), checked_out_by_id = $2, exit_reason = 'other' where id = $1 returning shelter_id, client_id`,
        [id, adminId],
      );
      await client.query('update shelters set board_changed_at = now() where id = $1', [
        rows[0].shelter_id,
      ]);
      await client.query(
        `insert into audit_events (actor_id, action, entity_type, entity_id, client_id) values ($1, 'stay.checked-out', 'stay', $2, $3)`,
        [adminId, id, rows[0].client_id],
      );
      await client.query('commit');
      return { id };
    } finally {
      client.release();
    }
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.close();
      await pool.end();
    },
  };
}
