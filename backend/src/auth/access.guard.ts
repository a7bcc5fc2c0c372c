import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain.error.js';
import { ACCESS_RULE, type AccessRule, type ShelterSource } from './access.decorator.js';
import { AuthError, AuthErrorCode } from './auth.error.js';
import { JWT_STRATEGY } from './jwt.strategy.js';
import type { Principal } from './principal.js';
import { SessionCookies } from './session-cookies.js';

type AuthenticatedRequest = FastifyRequest & { user?: Principal };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Runs the JWT strategy and turns its failures into our 401 with a security log line. */
@Injectable()
class AccessTokenGuard extends AuthGuard(JWT_STRATEGY) {
  private readonly logger = new Logger('Security');

  override handleRequest<T>(error: unknown, user: T, info: unknown, context: ExecutionContext): T {
    if (user && !error) {
      return user;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reason =
      error instanceof Error ? error.message : info instanceof Error ? info.message : String(info);
    this.logger.warn(
      {
        event: 'authentication-refused',
        route: request.routeOptions?.url,
        reason,
        clientAddress: request.ip,
      },
      'Authentication refused',
    );

    if (error instanceof AuthError) {
      throw error;
    }
    // passport-jwt's word for a request that carries no token at all.
    throw reason === 'No auth token'
      ? new AuthError(AuthErrorCode.NotSignedIn, 'Sign in to continue.')
      : new AuthError(AuthErrorCode.InvalidToken, 'The session is not valid. Sign in again.');
  }
}

/**
 * Deny by default: every route states who may call it with `@Allow(...)`, and a route without
 * a rule is refused. Shelter membership is checked here, on the server, for each request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Security');
  private readonly tokens = new AccessTokenGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly cookies: SessionCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();

    if (!rule) {
      this.logger.error(
        { event: 'route-without-access-rule', route: request.routeOptions?.url },
        'Route refused',
      );
      throw new AuthError(AuthErrorCode.Forbidden, 'This route is not open to anyone.');
    }
    if (rule.kind === 'public') {
      return true;
    }

    await this.tokens.canActivate(context);
    const principal = request.user!;
    principal.via = request.headers.authorization ? 'bearer' : 'cookie';

    if (
      principal.via === 'cookie' &&
      !SAFE_METHODS.has(request.method) &&
      !this.cookies.hasValidCsrfToken(request)
    ) {
      this.refuse(request, principal, 'missing or wrong CSRF token');
      throw new AuthError(
        AuthErrorCode.CsrfTokenMissing,
        'The request lacks its CSRF token. Reload the page.',
      );
    }

    if (this.allows(rule, principal, request)) {
      return true;
    }
    this.refuse(request, principal, `rule ${rule.kind}`);

    // A shelter one is not a member of answers as if it did not exist, so ids cannot be probed.
    if (rule.kind === 'shelter-member') {
      throw new DomainError('not-found', 'NOT_FOUND', 'Not found.');
    }
    throw new AuthError(AuthErrorCode.Forbidden, 'You do not have access to this.');
  }

  private allows(rule: AccessRule, principal: Principal, request: FastifyRequest): boolean {
    if (principal.role === 'admin' || rule.kind === 'signed-in') {
      return true;
    }
    if (rule.kind === 'shelter-member') {
      const shelterId = shelterIdOf(rule.shelter, request);

      return shelterId !== undefined && principal.shelterIds.includes(shelterId);
    }

    return false;
  }

  private refuse(request: FastifyRequest, principal: Principal, reason: string): void {
    this.logger.warn(
      {
        event: 'access-refused',
        route: request.routeOptions?.url,
        reason,
        clientAddress: request.ip,
        userId: principal.userId,
      },
      'Access refused',
    );
  }
}

function shelterIdOf(source: ShelterSource, request: FastifyRequest): string | undefined {
  const [from, name] = source.split('.') as ['params' | 'body', string];
  const bag = (from === 'params' ? request.params : request.body) as
    Record<string, unknown> | undefined;
  const value = bag?.[name];

  return typeof value === 'string' ? value : undefined;
}
