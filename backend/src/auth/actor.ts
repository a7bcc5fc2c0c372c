import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain.error.js';
import type { Principal } from './principal.js';

/** Who is acting, and from where: what services need to authorize and to audit a request. */
export interface Actor extends Principal {
  requestId: string;
  clientAddress: string;
}

/** The acting person of a signed-in route, with the request's id and client address. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user: Principal }>();

    return { ...request.user, requestId: request.id, clientAddress: request.ip };
  },
);

/** Whether the person works at the shelter (admins work everywhere). */
export function worksAt(actor: Principal, shelterId: string): boolean {
  return actor.role === 'admin' || actor.shelterIds.includes(shelterId);
}

/**
 * Refuses a shelter the person is not a member of as if it did not exist, so that ids
 * cannot be probed.
 */
export function assertWorksAt(actor: Principal, shelterId: string, what = 'Not found.'): void {
  if (!worksAt(actor, shelterId)) {
    throw new DomainError('not-found', 'NOT_FOUND', what);
  }
}
