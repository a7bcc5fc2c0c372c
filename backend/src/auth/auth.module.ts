import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { IdentityModule } from '../identity/identity.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { RateLimiter } from './rate-limiter.js';
import { SessionCookies } from './session-cookies.js';

/** Sign-in flows, browser sessions and the deny-by-default access guard of every route. */
@Module({
  imports: [PassportModule, IdentityModule, UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtStrategy,
    RateLimiter,
    SessionCookies,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionCookies],
})
export class AuthModule {}
