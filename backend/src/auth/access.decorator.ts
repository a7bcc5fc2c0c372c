import { SetMetadata } from '@nestjs/common';

/**
 * Where a route finds the shelter whose members may call it: a path parameter or a body field,
 * written `params.<name>` or `body.<name>`.
 */
export type ShelterSource = `params.${string}` | `body.${string}`;

/** Who may call a route. Admins pass every rule but `public`, which needs no one. */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'admin' }
  | { kind: 'shelter-member'; shelter: ShelterSource };

export const ACCESS_RULE = 'acimtl:access-rule';

/**
 * States who may call a route; the global access guard refuses any route without it.
 *
 * `@Allow('public')`, `@Allow('signed-in')`, `@Allow('admin')`, or
 * `@Allow({ shelterMemberOf: 'params.shelterId' })`.
 */
export function Allow(
  rule: 'public' | 'signed-in' | 'admin' | { shelterMemberOf: ShelterSource },
): MethodDecorator & ClassDecorator {
  const access: AccessRule =
    typeof rule === 'string'
      ? { kind: rule }
      : { kind: 'shelter-member', shelter: rule.shelterMemberOf };

  return SetMetadata(ACCESS_RULE, access);
}
