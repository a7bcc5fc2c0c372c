import { createPublicKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, type SecretOrKeyProvider, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthError, AuthErrorCode } from './auth.error.js';
import type { Principal } from './principal.js';
import { SessionCookies } from './session-cookies.js';

/** The claims of a Cognito access token that the API relies on. */
interface AccessTokenClaims {
  sub: string;
  token_use: string;
  client_id: string;
  iat: number;
}

export const JWT_STRATEGY = 'cognito-access-token';

/** Signing keys of the pool kept parsed; a pool publishes two or three at a time. */
const PARSED_KEYS_KEPT = 16;

/**
 * Hands the token check a parsed public key instead of the JWKS key's PEM text, which it would
 * otherwise parse again for every request.
 */
function asKeyObjects(provider: SecretOrKeyProvider): SecretOrKeyProvider {
  const parsed = new Map<string, KeyObject>();

  return (request, rawJwtToken, done) =>
    provider(request, rawJwtToken, (error, pem) => {
      if (error || !pem) {
        return done(error, pem);
      }
      const text = pem.toString();
      let key = parsed.get(text);
      if (!key) {
        if (parsed.size >= PARSED_KEYS_KEPT) {
          parsed.clear();
        }
        key = createPublicKey(text);
        parsed.set(text, key);
      }
      // jsonwebtoken verifies with a KeyObject as well; passport-jwt's types name only PEM.
      done(null, key as unknown as string);
    });
}

/**
 * Accepts only RS256 access tokens of our user pool and app client, signed with a key from the
 * pool's JWKS and not expired, whose `sub` is an active user here.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  private readonly clientId: string;

  constructor(
    config: AppConfig,
    cookies: SessionCookies,
    private readonly users: UsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([
        ExtractJwt.fromAuthHeaderAsBearerToken(),
        (request: FastifyRequest) => cookies.accessToken(request) ?? null,
      ]),
      secretOrKeyProvider: asKeyObjects(
        passportJwtSecret({
          jwksUri: config.cognitoJwksUri,
          cache: true,
          cacheMaxEntries: 5,
          cacheMaxAge: 10 * 60 * 1000,
          rateLimit: true,
          jwksRequestsPerMinute: 10,
          timeout: 5_000,
        }),
      ),
      algorithms: ['RS256'],
      issuer: config.cognitoIssuer,
      ignoreExpiration: false,
    });
    this.clientId = config.COGNITO_CLIENT_ID;
  }

  async validate(claims: AccessTokenClaims): Promise<Omit<Principal, 'via'>> {
    if (claims.token_use !== 'access') {
      throw new AuthError(AuthErrorCode.InvalidToken, 'Only access tokens are accepted.');
    }
    if (claims.client_id !== this.clientId) {
      throw new AuthError(AuthErrorCode.InvalidToken, 'The token was issued to another client.');
    }

    const user = await this.users.findPrincipal(claims.sub);
    if (!user || user.status === 'disabled' || user.status === 'deleted') {
      throw new AuthError(AuthErrorCode.AccountDisabled, 'This account is not active.');
    }
    // Signing out ends every session of the person, including tokens not yet expired.
    if (user.sessionsRevokedAt && claims.iat * 1000 < user.sessionsRevokedAt.getTime()) {
      throw new AuthError(AuthErrorCode.SessionExpired, 'This session was signed out.');
    }

    return {
      userId: user.id,
      sub: user.cognitoSub,
      email: user.email,
      role: user.role,
      locale: user.locale,
      shelterIds: user.shelterIds,
    };
  }
}
