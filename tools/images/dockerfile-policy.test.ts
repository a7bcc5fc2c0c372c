import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { policyViolations } from './dockerfile-policy.ts';

const root = join(import.meta.dirname, '../..');
const DIGEST = `sha256:${'a'.repeat(64)}`;

const COMPLIANT = `
ARG BASE=node:24-bookworm-slim@${DIGEST}
FROM \${BASE} AS build
RUN npm ci
FROM scratch
COPY --from=build /app /app
USER 1000:1000
HEALTHCHECK --interval=30s \\
  CMD ["node", "-e", "process.exit(0)"]
CMD ["node", "main.js"]
`;

function without(line: string, replacement = ''): string {
  assert.ok(COMPLIANT.includes(line), `the compliant sample has "${line}"`);

  return COMPLIANT.replace(line, replacement);
}

describe('the Dockerfile policy', () => {
  for (const file of ['Dockerfile.api', 'Dockerfile.web']) {
    it(`accepts ${file}`, () => {
      assert.deepEqual(policyViolations(readFileSync(join(root, file), 'utf8')), []);
    });
  }

  it('accepts a compliant sample', () => {
    assert.deepEqual(policyViolations(COMPLIANT), []);
  });

  it('rejects a base image pinned by tag only', () => {
    const text = without(`@${DIGEST}`);

    assert.match(policyViolations(text).join('\n'), /node:24-bookworm-slim is not pinned/);
  });

  it('rejects a latest base image, even with a digest', () => {
    const text = without('node:24-bookworm-slim', 'node:latest');

    assert.match(policyViolations(text).join('\n'), /not pinned by digest/);
  });

  it('rejects a base image named directly without a digest', () => {
    const text = without('FROM ${BASE} AS build', 'FROM node:24 AS build');

    assert.match(policyViolations(text).join('\n'), /base image node:24 is not pinned/);
  });

  it('rejects ADD', () => {
    const text = without('RUN npm ci', 'ADD https://example.org/app.tgz /app');

    assert.match(policyViolations(text).join('\n'), /ADD is not allowed/);
  });

  it('rejects a final stage without USER', () => {
    assert.match(policyViolations(without('USER 1000:1000')).join('\n'), /non-root USER/);
  });

  it('rejects a final stage that runs as root', () => {
    const text = without('USER 1000:1000', 'USER root');

    assert.match(policyViolations(text).join('\n'), /non-root USER/);
  });

  it('looks only at the final stage for the user', () => {
    const text = without('USER 1000:1000').replace('RUN npm ci', 'USER 1000\nRUN npm ci');

    assert.match(policyViolations(text).join('\n'), /non-root USER/);
  });

  it('rejects a shell-form CMD', () => {
    const text = without('CMD ["node", "main.js"]', 'CMD node main.js');

    assert.match(policyViolations(text).join('\n'), /CMD in exec form/);
  });

  it('rejects a shell-form ENTRYPOINT', () => {
    const text = `${COMPLIANT}ENTRYPOINT node\n`;

    assert.match(policyViolations(text).join('\n'), /ENTRYPOINT must be in exec form/);
  });

  it('rejects a missing HEALTHCHECK', () => {
    const text = without('HEALTHCHECK --interval=30s \\\n  CMD ["node", "-e", "process.exit(0)"]');

    assert.match(policyViolations(text).join('\n'), /HEALTHCHECK/);
  });

  it('rejects HEALTHCHECK NONE', () => {
    const text = `${COMPLIANT}HEALTHCHECK NONE\n`;

    assert.match(policyViolations(text).join('\n'), /HEALTHCHECK/);
  });
});
