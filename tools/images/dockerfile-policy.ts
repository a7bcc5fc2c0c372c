// The rules every Dockerfile of the workspace keeps, checked by dockerfile-policy.test.ts:
//
// - each base image is pinned by digest (directly or through an ARG default), never `latest`;
// - no ADD (it fetches URLs and unpacks archives implicitly: COPY says what it does);
// - the final stage switches to a non-root USER;
// - the final stage's CMD (and ENTRYPOINT, if any) is in exec form, so signals reach node;
// - the final stage declares a HEALTHCHECK.

/** One instruction, with its continuation lines joined. */
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

const DIGEST = /@sha256:[0-9a-f]{64}$/;

/** Splits a Dockerfile into instructions, dropping comments and joining `\` continuations. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;

  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (!pending && trimmed === '')) {
      return;
    }
    const continued = trimmed.endsWith('\\');
    const part = continued ? trimmed.slice(0, -1) : trimmed;
    pending = pending
      ? { text: `${pending.text} ${part}`, line: pending.line }
      : { text: part, line: index + 1 };

    if (!continued) {
      const [keyword, ...rest] = pending.text.trim().split(/\s+/);
      instructions.push({
        keyword: keyword.toUpperCase(),
        args: rest.join(' '),
        line: pending.line,
      });
      pending = undefined;
    }
  });

  return instructions;
}

function isExecForm(args: string): boolean {
  try {
    const parsed: unknown = JSON.parse(args);

    return Array.isArray(parsed) && parsed.length > 0 && parsed.every((p) => typeof p === 'string');
  } catch {
    return false;
  }
}

function isPinned(image: string): boolean {
  return DIGEST.test(image) && !/:latest@/.test(image);
}

/** What in the Dockerfile breaks the policy; empty when it complies. */
export function policyViolations(text: string): string[] {
  const instructions = parseDockerfile(text);
  const violations: string[] = [];
  const argDefaults = new Map<string, string>();
  const stages = new Set<string>();
  let finalStage: Instruction[] = [];

  for (const instruction of instructions) {
    const at = `line ${instruction.line}`;

    if (instruction.keyword === 'ARG') {
      const [name, value] = instruction.args.split('=', 2);
      if (value !== undefined) {
        argDefaults.set(name, value.replace(/^["']|["']$/g, ''));
      }
    } else if (instruction.keyword === 'ADD') {
      violations.push(`${at}: ADD is not allowed; use COPY`);
    } else if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const [image, as, stage] = words;
      const reference = image.replace(/^\$\{?(\w+)\}?$/, (_, name: string) => {
        return argDefaults.get(name) ?? `\${${name}}`;
      });

      if (reference !== 'scratch' && !stages.has(reference) && !isPinned(reference)) {
        violations.push(`${at}: base image ${reference} is not pinned by digest`);
      }
      if (as?.toUpperCase() === 'AS' && stage) {
        stages.add(stage);
      }
      finalStage = [];
      continue;
    }
    finalStage.push(instruction);
  }

  const last = (keyword: string) => finalStage.filter((i) => i.keyword === keyword).pop();
  const user = last('USER');
  if (!user || /^(root|0)(:|$)/.test(user.args)) {
    violations.push('the final stage must end as a non-root USER');
  }
  const cmd = last('CMD');
  if (!cmd || !isExecForm(cmd.args)) {
    violations.push('the final stage needs a CMD in exec form (a JSON array)');
  }
  const entrypoint = last('ENTRYPOINT');
  if (entrypoint && !isExecForm(entrypoint.args)) {
    violations.push(`line ${entrypoint.line}: ENTRYPOINT must be in exec form`);
  }
  const healthcheck = last('HEALTHCHECK');
  if (!healthcheck || /^NONE$/i.test(healthcheck.args)) {
    violations.push('the final stage needs a HEALTHCHECK');
  }

  return violations;
}
