import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { AuthError, AuthErrorCode } from './auth.error.js';

export interface RateLimit {
  /** What is limited, e.g. `sign-in`. */
  action: string;
  /** Attempts allowed per window and e-mail; per client address, AUTH_ATTEMPTS_PER_ADDRESS. */
  perEmail: number;
  windowSeconds: number;
}

export const SIGN_IN_LIMIT: RateLimit = { action: 'sign-in', perEmail: 10, windowSeconds: 15 * 60 };

export const PASSWORD_RESET_LIMIT: RateLimit = {
  action: 'password-reset',
  perEmail: 5,
  windowSeconds: 15 * 60,
};

/**
 * Fixed-window counters kept in PostgreSQL, so that every API task counts the same attempts.
 * E-mails are stored hashed: the table says nothing about who tried.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  /** Counts one attempt; refuses it with 429 and Retry-After when over either limit. */
  async consume(limit: RateLimit, clientAddress: string, email: string): Promise<void> {
    const emailHash = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    const checks = [
      {
        key: `${limit.action}:address:${clientAddress}`,
        max: this.config.AUTH_ATTEMPTS_PER_ADDRESS,
      },
      { key: `${limit.action}:email:${emailHash}`, max: limit.perEmail },
    ];

    for (const { key, max } of checks) {
      const { hits, retryAfter } = await this.hit(key, limit.windowSeconds);
      if (hits > max) {
        throw new AuthError(
          AuthErrorCode.TooManyAttempts,
          `Too many attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
          { 'retry-after': String(retryAfter) },
        );
      }
    }
  }

  private async hit(key: string, windowSeconds: number) {
    const [row] = await this.em.getConnection().execute<{ hits: number; retryAfter: number }[]>(
      `insert into rate_limit_windows (key, started_at, hits) values (?, now(), 1)
       on conflict (key) do update set
         hits = case when rate_limit_windows.started_at <= now() - make_interval(secs => ?)
                     then 1 else rate_limit_windows.hits + 1 end,
         started_at = case when rate_limit_windows.started_at <= now() - make_interval(secs => ?)
                     then now() else rate_limit_windows.started_at end
       returning hits,
         greatest(1, ceil(extract(epoch from started_at + make_interval(secs => ?) - now())))::int
           as "retryAfter"`,
      [key, windowSeconds, windowSeconds, windowSeconds],
    );

    return row;
  }
}
