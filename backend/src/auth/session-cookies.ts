import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config.js';

export const CSRF_HEADER = 'x-csrf-token';

/** The tokens a successful sign-in or refresh hands to the browser, never in a body. */
export interface SessionTokens {
  accessToken: string;
  /** Seconds the access token is valid. */
  expiresIn: number;
  /** Absent on a refresh: Cognito keeps the refresh token it issued at sign-in. */
  refreshToken?: string;
}

/**
 * The browser session: the access token (sent with every request, so the web client's server
 * can render signed-in pages), the refresh token (sent only to /api/auth), and the CSRF token
 * that scripts read and echo in a header. Outside local development the cookies are Secure and
 * carry the `__Host-` / `__Secure-` prefixes, which no subdomain can forge.
 */
@Injectable()
export class SessionCookies {
  readonly secure: boolean;
  readonly names: { access: string; refresh: string; csrf: string };

  constructor(private readonly config: AppConfig) {
    this.secure = config.production;
    this.names = this.secure
      ? {
          access: '__Host-acimtl_access',
          refresh: '__Secure-acimtl_refresh',
          csrf: '__Host-acimtl_csrf',
        }
      : { access: 'acimtl_access', refresh: 'acimtl_refresh', csrf: 'acimtl_csrf' };
  }

  /** Sets the session after sign-in (all three cookies) or refresh (access token only). */
  set(reply: FastifyReply, tokens: SessionTokens): void {
    void reply.setCookie(this.names.access, tokens.accessToken, {
      ...this.base('lax', '/'),
      httpOnly: true,
      maxAge: tokens.expiresIn,
    });

    if (tokens.refreshToken) {
      void reply.setCookie(this.names.refresh, tokens.refreshToken, {
        ...this.base('strict', '/api/auth'),
        httpOnly: true,
        maxAge: this.config.SESSION_MAX_AGE_HOURS * 3600,
      });
      void reply.setCookie(this.names.csrf, randomBytes(32).toString('base64url'), {
        ...this.base('lax', '/'),
        httpOnly: false,
        maxAge: this.config.SESSION_MAX_AGE_HOURS * 3600,
      });
    }
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(this.names.access, this.base('lax', '/'));
    void reply.clearCookie(this.names.refresh, this.base('strict', '/api/auth'));
    void reply.clearCookie(this.names.csrf, this.base('lax', '/'));
  }

  accessToken(request: FastifyRequest): string | undefined {
    return request.cookies[this.names.access] || undefined;
  }

  refreshToken(request: FastifyRequest): string | undefined {
    return request.cookies[this.names.refresh] || undefined;
  }

  /** Whether the request echoes its CSRF cookie in the header, compared in constant time. */
  hasValidCsrfToken(request: FastifyRequest): boolean {
    const cookie = request.cookies[this.names.csrf];
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== 'string') {
      return false;
    }
    const expected = Buffer.from(cookie);
    const given = Buffer.from(header);

    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private base(sameSite: 'lax' | 'strict', path: string): CookieSerializeOptions {
    return { secure: this.secure, sameSite, path };
  }
}
