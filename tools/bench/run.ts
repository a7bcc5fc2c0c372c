import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureUser, provisionPool, startCognito } from '../platform/cognito.ts';
import { startPostgres } from '../platform/postgres.ts';
import { freePort, spawnService, untilReady, waitForHttp } from '../platform/processes.ts';
import { type ApiSql, startBaseline } from './baseline.ts';
import { SCALE, seedScale } from './seed.ts';

const root = join(import.meta.dirname, '../..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
// Each scenario alternates API and baseline runs this many times, and reports the median:
// on a small shared machine one run can differ from the next by a third.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
// Before its rounds, each side of a scenario is loaded this long and not measured, so that
// neither is measured while its JIT compiler and connection pool are still warming up.
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
// BENCH_ONLY=board runs only the scenarios whose name contains it; BENCH_PROFILE=folder writes
// the API's CPU profile there when it stops, for Chrome's DevTools.
const only = process.env.BENCH_ONLY;
const profile = process.env.BENCH_PROFILE;
const run = promisify(execFile);
const dist = (path: string) => import(pathToFileURL(join(root, 'dist/backend', path)).href);

interface Figures {
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
}

type Request = NonNullable<autocannon.Options['requests']>[number];

/** What one connection remembers between a check-in and its check-out. */
interface CycleContext {
  pair?: { bedId: string; clientId: string };
  stayId?: string;
}

async function load(
  url: string,
  requests: Request[],
  headers: Record<string, string>,
  perCycle = 1,
  duration = seconds,
): Promise<Figures> {
  const result = await autocannon({ url, connections, duration, headers, requests });

  return {
    rps: Math.round(result.requests.average / perCycle),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** The run with the median throughput, latencies included. */
const median = (runs: Figures[]) => [...runs].sort((a, b) => a.rps - b.rps)[runs.length >> 1];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'acimtl-bench-'));
  await chmod(dataDir, 0o755);
  const stops: (() => Promise<unknown>)[] = [() => rm(dataDir, { recursive: true, force: true })];

  try {
    console.log('Starting PostgreSQL and cognito-local…');
    const postgres = await startPostgres({
      dataDir: join(dataDir, 'pg'),
      port: await freePort(),
      database: 'bench',
      persistent: false,
    });
    stops.push(() => postgres.stop());
    const cognito = await startCognito(join(dataDir, 'cognito'), await freePort());
    stops.push(() => cognito.stop());
    const pool = await provisionPool(cognito.endpoint);
    const password = 'bench-admin-password';
    const email = 'bench@acimtl.local';
    const sub = await ensureUser(pool, {
      email,
      password,
      givenName: 'Bench',
      familyName: 'Admin',
    });

    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: postgres.url,
      COGNITO_USER_POOL_ID: pool.userPoolId,
      COGNITO_CLIENT_ID: pool.clientId,
      COGNITO_ENDPOINT: pool.endpoint,
      S3_BUCKET: 'bench-bucket',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      LOG_LEVEL: 'warn',
      AUTH_ATTEMPTS_PER_ADDRESS: '100000',
    };
    await run(process.execPath, [join(root, 'dist/backend/cli.js'), 'migrate'], {
      env: { ...process.env, ...env },
    });

    console.log(
      `Seeding ${SCALE.shelters} shelters, ${SCALE.shelters * SCALE.roomsPerShelter * SCALE.bedsPerRoom} beds, ${SCALE.clients} clients, ${SCALE.pastStays} past stays…`,
    );
    const started = Date.now();
    const adminId = await seedScale(postgres.url, { sub, email });
    console.log(`Seeded in ${Math.round((Date.now() - started) / 1000)} s.`);

    const apiPort = await freePort();
    const profiling = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
    const api = spawnService(
      'api',
      process.execPath,
      [...profiling, join(root, 'dist/backend/main.js')],
      {
        env: { ...env, PORT: String(apiPort), HOST: '127.0.0.1' },
        log: (line) => console.log(line),
      },
    );
    stops.push(() => api.stop());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await untilReady(api, waitForHttp(`${apiUrl}/api/health`, 'The API'));
    const login = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, tokenDelivery: 'body' }),
    });
    const token = ((await login.json()) as { tokens: { accessToken: string } }).tokens.accessToken;

    const sql: ApiSql = {
      availability: (await dist('shelters/board.queries.js')).AVAILABILITY_SQL,
      board: (await dist('shelters/board.queries.js')).BOARD_SQL,
      search: (await dist('clients/search.queries.js')).auditedSearchSql,
      searchWords: (await dist('clients/search.queries.js')).searchWords,
      clientRecord: (await dist('clients/record.queries.js')).auditedClientRecordSql(true),
      lockBed: (await dist('stays/bed-lock.js')).LOCK_BED_SQL,
      checkInFacts: (await dist('stays/front-desk.queries.js')).CHECK_IN_FACTS_SQL,
      checkIn: (await dist('stays/front-desk.queries.js')).CHECK_IN_SQL,
      lockStay: (await dist('stays/front-desk.queries.js')).LOCK_STAY_SQL,
      checkOut: (await dist('stays/front-desk.queries.js')).CHECK_OUT_SQL,
      touchBoard: (await dist('stays/bed-lock.js')).TOUCH_BOARD_SQL,
      audit: (await dist('audit/audit.service.js')).AUDIT_INSERT_SQL,
      principal: (await dist('users/users.repository.js')).PRINCIPAL_SQL,
      connectionOptions: (await dist('clients/search.queries.js')).SEARCH_CONNECTION_OPTIONS,
    };
    const baseline = await startBaseline(postgres.url, sql, { id: adminId, sub });
    stops.push(() => baseline.stop());

    // A run that stops mid-cycle keeps the pairs its connections had checked in: each side
    // needs a pair per connection per run (the warm-up's included), and as many again to cycle
    // through.
    const pairsPerSide = connections * (rounds + 2);
    const db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    const shelters = (await db.query('select id from shelters')).rows.map(
      (row) => row.id as string,
    );
    const clients = (
      await db.query('select id from clients order by random() limit 2000')
    ).rows.map((row) => row.id as string);
    const free = (
      await db.query(`select b.id as "bedId", c.id as "clientId"
          from (select id, row_number() over () n from beds b
                 where not exists (select 1 from stays s where s.bed_id = b.id and s.checked_out_at is null)
                   and not exists (select 1 from holds h where h.bed_id = b.id)) b
          join (select id, row_number() over () n from clients c
                 where not exists (select 1 from stays s where s.client_id = c.id and s.checked_out_at is null)) c
            on c.n = b.n
         limit ${pairsPerSide * 2}`)
    ).rows as { bedId: string; clientId: string }[];
    await db.end();
    const queries = [
      'helenne tremblai',
      'jean gagnon',
      'sylvi belanger',
      'marc cote',
      'Nathalie Roy',
      'pierre bouchar',
      'chloe morin',
    ];

    // Each cycle borrows a free bed and a person from the pool and returns them once checked
    // out, so that concurrent connections never compete for the same bed.
    const cycle = (prefix: string, pairs: typeof free): Request[] => [
      {
        method: 'POST',
        path: `${prefix}/stays`,
        setupRequest: (request, context: CycleContext) => {
          context.pair = pairs.pop()!;
          const { bedId, clientId } = context.pair;
          return {
            ...request,
            headers: { ...request.headers, 'content-type': 'application/json' },
            body: JSON.stringify({ bedId, clientId }),
          };
        },
        onResponse: (_status, body, context: CycleContext) => {
          context.stayId = (JSON.parse(body) as { id: string }).id;
        },
      },
      {
        method: 'POST',
        setupRequest: (request, context: CycleContext) => ({
          ...request,
          path: `${prefix}/stays/${String(context.stayId)}/check-out`,
          headers: { ...request.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ exitReason: 'other' }),
        }),
        onResponse: (_status, _body, context: CycleContext) => {
          pairs.push(context.pair!);
        },
      },
    ];
    const scenarios: { name: string; api: Request[]; baseline: Request[]; perCycle?: number }[] = [
      {
        name: 'availability (city board)',
        api: [{ method: 'GET', path: '/api/availability' }],
        baseline: [{ method: 'GET', path: '/availability' }],
      },
      {
        name: 'shelter board',
        api: [
          {
            method: 'GET',
            setupRequest: (r) => ({ ...r, path: `/api/shelters/${pick(shelters)}/board` }),
          },
        ],
        baseline: [
          {
            method: 'GET',
            setupRequest: (r) => ({ ...r, path: `/shelters/${pick(shelters)}/board` }),
          },
        ],
      },
      {
        name: 'client search (fuzzy)',
        api: [
          {
            method: 'GET',
            setupRequest: (r) => ({
              ...r,
              path: `/api/clients?q=${encodeURIComponent(pick(queries))}`,
            }),
          },
        ],
        baseline: [
          {
            method: 'GET',
            setupRequest: (r) => ({
              ...r,
              path: `/clients?q=${encodeURIComponent(pick(queries))}`,
            }),
          },
        ],
      },
      {
        name: 'client by id (exact)',
        api: [
          { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/clients/${pick(clients)}` }) },
        ],
        baseline: [
          { method: 'GET', setupRequest: (r) => ({ ...r, path: `/clients/${pick(clients)}` }) },
        ],
      },
      {
        name: 'check-in + check-out cycle',
        api: cycle('/api', free.slice(0, pairsPerSide)),
        baseline: cycle('', free.slice(pairsPerSide)),
        perCycle: 2,
      },
    ];

    const rows: string[] = [];
    const results = new Map<string, { api: Figures; baseline: Figures }>();
    for (const scenario of scenarios.filter(({ name }) => !only || name.includes(only))) {
      console.log(
        `Loading: ${scenario.name} (${warmUpSeconds} s warm-up, then ${rounds} × ${seconds} s each, ${connections} connections)…`,
      );
      const runApi = (duration?: number) =>
        load(
          apiUrl,
          scenario.api,
          { authorization: `Bearer ${token}` },
          scenario.perCycle,
          duration,
        );
      const runBaseline = (duration?: number) =>
        load(baseline.url, scenario.baseline, {}, scenario.perCycle, duration);
      if (warmUpSeconds > 0) {
        await runApi(warmUpSeconds);
        await runBaseline(warmUpSeconds);
      }
      const measured: { api: Figures; baseline: Figures }[] = [];
      for (let round = 0; round < rounds; round++) {
        // Which side goes first alternates, so that a drift in the machine favours neither.
        if (round % 2 === 0) {
          const api = await runApi();
          measured.push({ api, baseline: await runBaseline() });
        } else {
          const baseFirst = await runBaseline();
          measured.push({ api: await runApi(), baseline: baseFirst });
        }
      }
      const ratios = measured.map(({ api, baseline }) => api.rps / baseline.rps);
      const api = median(measured.map(({ api }) => api));
      const base = median(measured.map(({ baseline }) => baseline));
      const errors = (side: 'api' | 'baseline') =>
        measured.reduce((sum, figures) => sum + figures[side].errors, 0);
      results.set(scenario.name, { api, baseline: base });
      rows.push(
        `| ${scenario.name} | ${api.rps} | ${api.p50} | ${api.p99} | ${base.rps} | ${base.p50} | ${base.p99} | ${medianOf(ratios).toFixed(2)} | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} | ${errors('api')}/${errors('baseline')} |`,
      );
    }

    const fuzzy = results.get('client search (fuzzy)')?.api;
    const exact = results.get('client by id (exact)')?.api;
    const searchVsLookup =
      fuzzy && exact
        ? `Fuzzy search p97.5 ${fuzzy.p97_5} ms vs exact lookup p97.5 ${exact.p97_5} ms: ${(fuzzy.p97_5 / Math.max(exact.p97_5, 1)).toFixed(2)}× (target ≤ 3×).`
        : '';
    console.log(`
Median of ${rounds} alternating runs of ${seconds} s after a ${warmUpSeconds} s warm-up, ${connections} connections; latencies in ms; a cycle is one check-in and its check-out.

| scenario | API req/s | API p50 | API p99 | baseline req/s | baseline p50 | baseline p99 | API/baseline | range | errors (API/baseline) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${searchVsLookup}
Targets: hot reads ≥ 0.8× baseline; check-in/out cycle ≥ 0.5× baseline.`);
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch(() => undefined);
    }
  }
}

await main();
