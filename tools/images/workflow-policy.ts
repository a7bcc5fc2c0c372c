// The rules the GitHub Actions workflows keep beyond what actionlint checks, read from the YAML
// text by indentation (the workflows are written in the usual two-space block style):
//
// - a top-level `permissions` (least privilege by default) and `concurrency`;
// - every job has `timeout-minutes` (a job that calls a reusable workflow gets the timeouts of
//   the jobs it calls);
// - every action from another repository is pinned to a full commit SHA;
// - no step that cannot fail: no `|| true`, no `continue-on-error: true`.

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}(\s+#.*)?$/;

/** Actions from other repositories not pinned to a commit (workflows and composite actions). */
export function unpinnedActions(text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const uses = /^\s*(?:-\s+)?uses:\s*["']?([^"'\s]+)["']?(\s+#.*)?$/.exec(line);

    return uses && !uses[1].startsWith('./') && !PINNED.test(uses[1])
      ? [`line ${index + 1}: ${uses[1]} is not pinned to a commit SHA`]
      : [];
  });
}

/** What in the workflow breaks the policy; empty when it complies. */
export function workflowViolations(text: string): string[] {
  const lines = text.split('\n');
  const violations: string[] = [...unpinnedActions(text)];

  if (!lines.some((line) => /^permissions:/.test(line))) {
    violations.push('no top-level permissions: set them, read-only by default');
  }
  if (!lines.some((line) => /^concurrency:/.test(line))) {
    violations.push('no top-level concurrency');
  }

  const jobsAt = lines.findIndex((line) => /^jobs:/.test(line));
  let job: { name: string; timeout: boolean } | undefined;
  const closeJob = () => {
    if (job && !job.timeout) {
      violations.push(`job ${job.name} has no timeout-minutes`);
    }
  };

  lines.forEach((line, index) => {
    if (/\|\|\s*true\b/.test(line) || /continue-on-error:\s*true/.test(line)) {
      violations.push(`line ${index + 1}: a step that cannot fail`);
    }

    if (jobsAt < 0 || index <= jobsAt) {
      return;
    }
    const jobHeader = /^ {2}([\w-]+):\s*$/.exec(line);
    if (jobHeader) {
      closeJob();
      job = { name: jobHeader[1], timeout: false };
    } else if (job && /^ {4}(timeout-minutes|uses):/.test(line)) {
      job.timeout = true;
    } else if (/^\S/.test(line)) {
      closeJob();
      job = undefined;
    }
  });
  closeJob();

  return violations;
}
