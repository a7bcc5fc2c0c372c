import Fastify from 'fastify';
import pg from 'pg';

/** The API's own SQL, loaded from its build so that both sides run the same statements. */
export interface ApiSql {
  availability: string;
  board: string;
  shelterName: string;
  search: (everyone: boolean, words: number) => string;
  searchWords: (query: string) => string[];
  lockBed: string;
  principal: string;
  matchThreshold: number;
}

/** Who the baseline acts as: the benchmark's admin, by id and by Cognito `sub`. */
export interface BaselineActor {
  id: string;
  sub: string;
}

// node-postgres numbers its placeholders; MikroORM writes `?`.
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const AUDIT = `insert into audit_events (actor_id, action, entity_type, entity_id, client_id)
               values ($1, $2, $3, $4, $5)`;

/**
 * The API's statements behind a plain Fastify + pg server, with no framework, validation,
 * token check or ORM: the ceiling the API is measured against. Like the API, every request
 * first reads the person its caller is (the API does so to refuse disabled accounts at once),
 * and every read or change of a client record writes its audit event in the same transaction.
 */
export async function startBaseline(databaseUrl: string, sql: ApiSql, actor: BaselineActor) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify({ logger: false });
  const availability = numbered(sql.availability);
  const board = numbered(sql.board);
  const lockBed = numbered(sql.lockBed);
  const principal = numbered(sql.principal);
  const shelterName = numbered(sql.shelterName);

  app.addHook('onRequest', async () => {
    await pool.query(principal, [actor.sub]);
  });

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');

      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  }

  app.get('/availability', async () => (await pool.query(availability)).rows);
  app.get('/shelters/:id/board', async (request) => {
    const id = (request.params as { id: string }).id;
    const [shelter, beds] = await Promise.all([
      pool.query(shelterName, [id]),
      pool.query(board, [id]),
    ]);

    return { shelter: shelter.rows[0], beds: beds.rows };
  });
  app.get('/clients', (request) =>
    transaction(async (client) => {
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
      await client.query(AUDIT, [actor.id, 'client.searched', 'client', null, null]);

      return rows;
    }),
  );
  app.get('/clients/:id', async (request) => {
    const id = (request.params as { id: string }).id;
    await transaction(async (client) => {
      await client.query('select 1 from clients where id = $1', [id]);
      await client.query(AUDIT, [actor.id, 'client.viewed', 'client', id, id]);
    });
    const { rows } = await pool.query(
      `select c.*, s.name as shelter_name
         from clients c left join shelters s on s.id = c.registered_at_id
        where c.id = $1`,
      [id],
    );

    return rows[0];
  });
  app.post('/stays', async (request, reply) => {
    const { bedId, clientId } = request.body as { bedId: string; clientId: string };
    const stay = await transaction(async (client) => {
      const bed = (await client.query(lockBed, [bedId])).rows[0];
      await client.query('select count(*) from clients where id = $1', [clientId]);
      await client.query(
        `select * from service_restrictions
          where client_id = $1 and lifted_at is null and starts_on <= current_date
            and ends_on >= current_date and (shelter_id is null or shelter_id = $2)`,
        [clientId, bed.shelterId],
      );
      const { rows } = await client.query(
        `insert into stays (client_id, bed_id, shelter_id, checked_in_at, checked_in_by_id)
         values ($1, $2, $3, now(), $4) returning id`,
        [clientId, bedId, bed.shelterId, actor.id],
      );
      await client.query(AUDIT, [actor.id, 'stay.checked-in', 'stay', rows[0].id, clientId]);
      await client.query('update shelters set board_changed_at = now() where id = $1', [
        bed.shelterId,
      ]);

      return rows[0] as { id: string };
    });
    await pool.query('select * from stays where id = $1', [stay.id]);
    reply.code(201);

    return stay;
  });
  app.post('/stays/:id/check-out', async (request) => {
    const id = (request.params as { id: string }).id;
    await transaction(async (client) => {
      const { rows } = await client.query(
        'select shelter_id, client_id from stays where id = $1 for update',
        [id],
      );
      await client.query(
        `update stays set checked_out_at = now(), checked_out_by_id = $2, exit_reason = 'other'
          where id = $1`,
        [id, actor.id],
      );
      await client.query(AUDIT, [actor.id, 'stay.checked-out', 'stay', id, rows[0].client_id]);
      await client.query('update shelters set board_changed_at = now() where id = $1', [
        rows[0].shelter_id,
      ]);
    });
    await pool.query('select * from stays where id = $1', [id]);

    return { id };
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
