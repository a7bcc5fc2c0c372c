/**
 * The build's budget for what a first visit downloads before the page works: the entry script
 * and every chunk it imports at once (the `modulepreload` links of the built page), with the
 * global styles, gzip-compressed as a browser receives them. Angular's own budgets count raw
 * bytes; this one counts the wire. Fails the build above the limit.
 *
 *   node frontend/scripts/initial-size.ts [dist/frontend/browser]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 250;
const browser = process.argv[2] ?? join(import.meta.dirname, '../../dist/frontend/browser');
const page = readFileSync(join(browser, 'index.csr.html'), 'utf8');

const initial = [
  ...new Set(
    [
      ...page.matchAll(/<script src="([^"]+\.js)" type="module"/g),
      ...page.matchAll(/<link rel="modulepreload" href="([^"]+\.js)"/g),
      ...page.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g),
    ].map((match) => match[1]),
  ),
];
if (!initial.some((file) => file.startsWith('main'))) {
  console.error(`No entry script found in ${join(browser, 'index.csr.html')}.`);
  process.exit(1);
}

const sizes = initial.map((file) => {
  const bytes = readFileSync(join(browser, file));

  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);

for (const { file, raw, gzip } of sizes.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${file.padEnd(28)} ${kb(raw).padStart(7)} kB raw ${kb(gzip).padStart(7)} kB gzip`);
}
console.log(`Initial download: ${kb(total)} kB compressed (budget ${LIMIT_KB} kB).`);

if (total > LIMIT_KB * 1000) {
  console.error(`Over budget by ${kb(total - LIMIT_KB * 1000)} kB.`);
  process.exit(1);
}
