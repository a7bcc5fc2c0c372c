/**
 * Measures how long the web server takes to render a shelter's board, against the API call the
 * page renders, and prints both. Run against a running platform (`npm start`):
 *
 *   node frontend/scripts/board-ttfb.ts
 *
 * WEB_URL, API_URL, EMAIL, PASSWORD, SHELTER_ID and RUNS override the local defaults; without
 * SHELTER_ID the board is the first shelter of the account, or of the registry.
 */
import { request } from 'node:http';

const webUrl = process.env['WEB_URL'] ?? 'http://localhost:4200';
const apiUrl = process.env['API_URL'] ?? 'http://localhost:3000';
const email = process.env['EMAIL'] ?? 'coordinator@acimtl.local';
const password = process.env['PASSWORD'] ?? 'demo-coordinator-password';
const runs = Number(process.env['RUNS'] ?? 20);

interface Timing {
  /** Milliseconds to the first byte of the response. */
  firstByte: number;
  /** Milliseconds to its last byte. */
  total: number;
}

function time(url: string, cookie: string): Promise<Timing> {
  const started = performance.now();

  return new Promise((resolve, reject) => {
    const call = request(url, { headers: { cookie } }, (response) => {
      let firstByte = 0;
      response.once('data', () => (firstByte = performance.now() - started));
      response.on('data', () => undefined);
      response.on('end', () => {
        if (response.statusCode !== 200) {
          reject(new Error(`${url} answered ${response.statusCode}`));

          return;
        }
        resolve({ firstByte, total: performance.now() - started });
      });
    });
    call.on('error', reject);
    call.end();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(name: string, timings: Timing[]): string {
  const first = timings.map((timing) => timing.firstByte);
  const total = timings.map((timing) => timing.total);
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);

  return (
    `${name.padEnd(24)} first byte median ${ms(percentile(first, 50))}, p95 ${ms(percentile(first, 95))}` +
    ` · complete median ${ms(percentile(total, 50))}, p95 ${ms(percentile(total, 95))}`
  );
}

async function main(): Promise<void> {
  const signIn = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!signIn.ok) {
    throw new Error(`Sign-in answered ${signIn.status}`);
  }
  const cookie = signIn.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const me = (await signIn.json()) as { user: { shelters: { id: string; name: string }[] } };
  const registry = (await (
    await fetch(`${apiUrl}/api/shelters`, { headers: { cookie } })
  ).json()) as { id: string; name: string }[];
  const wanted = process.env['SHELTER_ID'];
  const shelter = wanted
    ? registry.find((candidate) => candidate.id === wanted)
    : (me.user.shelters[0] ?? registry[0]);
  if (!shelter) {
    throw new Error('No shelter to measure the board of');
  }

  const api: Timing[] = [];
  const page: Timing[] = [];
  // One call of each first, so that neither pays for a cold start in the figures.
  await time(`${apiUrl}/api/shelters/${shelter.id}/board`, cookie);
  await time(`${webUrl}/shelters/${shelter.id}/board`, cookie);
  for (let run = 0; run < runs; run += 1) {
    api.push(await time(`${apiUrl}/api/shelters/${shelter.id}/board`, cookie));
    page.push(await time(`${webUrl}/shelters/${shelter.id}/board`, cookie));
  }

  console.log(`Board of ${shelter.name}, ${runs} runs each`);
  console.log(summary('API GET /board', api));
  console.log(summary('SSR page /board', page));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
