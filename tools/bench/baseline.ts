import Fastify from 'fastify';
import pg from 'pg';

/** The API's own SQL, loaded from its build so that both sides run the same statements. */
export interface ApiSql {
  availability: string;
  board: string;
  search: (everyone: boolean, words: number) => string;
  searchWords: (query: string) => string[];
  clientRecord: string;
  lockBed: string;
  checkInFacts: string;
  checkIn: string;
  lockStay: string;
  checkOut: string;
  touchBoard: string;
  audit: string;
  principal: string;
  /** What each connection is opened with (the search's threshold). */
  connectionOptions: string;
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

/**
 * The API's statements behind a plain Fastify + pg server, with no framework, validation,
 * token check or ORM: the ceiling the API is measured against. Like the API, every request
 * first reads the person its caller is (the API does so to refuse disabled accounts at once),
 * and every read or change of a client record writes its audit event in the same transaction.
 */
export async function startBaseline(databaseUrl: string, sql: ApiSql, actor: BaselineActor) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    options: sql.connectionOptions,
  });
  const app = Fastify({ logger: false });
  const availability = numbered(sql.availability);
  const board = numbered(sql.board);
  const principal = numbered(sql.principal);
  const clientRecord = numbered(sql.clientRecord);
  const lockBed = numbered(sql.lockBed);
  const checkInFacts = numbered(sql.checkInFacts);
  const checkIn = numbered(sql.checkIn);
  const lockStay = numbered(sql.lockStay);
  const checkOut = numbered(sql.checkOut);
  const touchBoard = numbered(sql.touchBoard);
  const auditSql = numbered(sql.audit);
  const audit = (client: pg.PoolClient, action: string, type: string, id: unknown, who: unknown) =>
    client.query(auditSql, [actor.id, action, type, id, who, 'baseline', '127.0.0.1']);

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
    const { rows } = await pool.query(board, [(request.params as { id: string }).id]);

    return { shelter: { id: rows[0].shelterId, name: rows[0].shelterName }, beds: rows };
  });
  const actorParams = (action: string, id: string | null) => [
    actor.id,
    action,
    'client',
    id,
    id,
    'baseline',
    '127.0.0.1',
  ];
  app.get('/clients', async (request) => {
    const q = (request.query as { q: string }).q;
    const words = sql.searchWords(q);
    const { rows } = await pool.query(numbered(sql.search(true, words.length)), [
      q,
      ...words,
      21,
      0,
      ...actorParams('client.searched', null),
    ]);

    return rows;
  });
  app.get('/clients/:id', async (request) => {
    const id = (request.params as { id: string }).id;
    const { rows } = await pool.query(clientRecord, [id, ...actorParams('client.viewed', id)]);

    return rows[0];
  });
  app.post('/stays', async (request, reply) => {
    const { bedId, clientId } = request.body as { bedId: string; clientId: string };
    const stay = await transaction(async (client) => {
      const bed = (await client.query(lockBed, [bedId])).rows[0];
      const today = new Date().toISOString().slice(0, 10);
      await client.query(checkInFacts, [clientId, clientId, today, today, bed.shelterId]);
      const { rows } = await client.query(checkIn, [
        clientId,
        bedId,
        bed.shelterId,
        actor.id,
        null,
        null,
      ]);
      await audit(client, 'stay.checked-in', 'stay', rows[0].id, clientId);
      await client.query(touchBoard, [bed.shelterId]);

      return rows[0] as { id: string };
    });
    reply.code(201);

    return stay;
  });
  app.post('/stays/:id/check-out', (request) =>
    transaction(async (client) => {
      const id = (request.params as { id: string }).id;
      const stay = (await client.query(lockStay, [id])).rows[0];
      const { rows } = await client.query(checkOut, [actor.id, 'other', null, id]);
      await audit(client, 'stay.checked-out', 'stay', id, stay.clientId);
      await client.query(touchBoard, [stay.shelterId]);

      return rows[0];
    }),
  );

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
