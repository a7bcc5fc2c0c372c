import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import type { Locale, Me } from '@acimtl/contracts';
import { CognitoGateway, type SignInOutcome } from '../identity/cognito.gateway.js';
import { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthError, AuthErrorCode } from './auth.error.js';
import { PASSWORD_RESET_LIMIT, RateLimiter, SIGN_IN_LIMIT } from './rate-limiter.js';
import type { SessionTokens } from './session-cookies.js';

export type SignInResult =
  | { status: 'signed-in'; user: Me; tokens: Required<SessionTokens> }
  | { status: 'new-password-required' | 'mfa-code-required'; session: string }
  | { status: 'mfa-setup-required'; session: string; secret: string; otpauthUri: string };

/** The issuer authenticator apps file this account's codes under. */
const MFA_ISSUER = 'ACI-MTL';

/** Sign-in, first-login password, refresh, sign-out and password reset, through Cognito. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly cognito: CognitoGateway,
    private readonly users: UsersRepository,
    private readonly limiter: RateLimiter,
    private readonly em: EntityManager,
  ) {}

  async signIn(email: string, password: string, clientAddress: string): Promise<SignInResult> {
    await this.limiter.consume(SIGN_IN_LIMIT, clientAddress, email);

    return this.toResult(email, await this.cognito.signIn(email, password));
  }

  async completeNewPassword(
    email: string,
    session: string,
    newPassword: string,
    clientAddress: string,
  ): Promise<SignInResult> {
    await this.limiter.consume(SIGN_IN_LIMIT, clientAddress, email);

    return this.toResult(
      email,
      await this.cognito.completeNewPassword(email, session, newPassword),
    );
  }

  /** The second factor: the code the person's authenticator app shows. */
  async answerMfaCode(
    email: string,
    session: string,
    code: string,
    clientAddress: string,
  ): Promise<SignInResult> {
    await this.limiter.consume(SIGN_IN_LIMIT, clientAddress, email);

    return this.toResult(email, await this.cognito.answerMfaCode(email, session, code));
  }

  /** A first sign-in's enrolment of an authenticator app, proven by its first code. */
  async completeMfaSetup(
    email: string,
    session: string,
    code: string,
    clientAddress: string,
  ): Promise<SignInResult> {
    await this.limiter.consume(SIGN_IN_LIMIT, clientAddress, email);
    const outcome = await this.cognito.completeMfaSetup(email, session, code);
    this.logger.log({ event: 'mfa-enrolled' }, 'Authenticator app enrolled');

    return this.toResult(email, outcome);
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    try {
      return await this.cognito.refresh(refreshToken);
    } catch (error) {
      if (error instanceof AuthError && error.code === AuthErrorCode.InvalidCredentials) {
        throw new AuthError(AuthErrorCode.SessionExpired, 'The session has ended. Sign in again.');
      }
      throw error;
    }
  }

  /** Ends every session of the person: the refresh token and any access token already issued. */
  async signOut(userId: string, refreshToken: string | undefined): Promise<void> {
    await this.em.nativeUpdate(User, { id: userId }, { sessionsRevokedAt: new Date() });

    if (refreshToken) {
      await this.cognito.revoke(refreshToken).catch((error: unknown) => {
        // The session is already refused here; Cognito forgetting the token is a bonus.
        this.logger.warn({ userId, err: error }, 'Refresh token revocation failed');
      });
    }
  }

  /** Asks Cognito to send a reset code; answers the same whether the e-mail is known or not. */
  async forgotPassword(email: string, clientAddress: string): Promise<void> {
    await this.limiter.consume(PASSWORD_RESET_LIMIT, clientAddress, email);

    try {
      await this.cognito.forgotPassword(email);
    } catch (error) {
      if (!(error instanceof AuthError && error.code === AuthErrorCode.InvalidCredentials)) {
        throw error;
      }
    }
  }

  async resetPassword(email: string, code: string, newPassword: string, clientAddress: string) {
    await this.limiter.consume(PASSWORD_RESET_LIMIT, clientAddress, email);

    try {
      await this.cognito.confirmForgotPassword(email, code, newPassword);
    } catch (error) {
      // An unknown e-mail must look like a wrong code.
      if (error instanceof AuthError && error.code === AuthErrorCode.InvalidCredentials) {
        throw new AuthError(AuthErrorCode.InvalidResetCode, 'This code is wrong or has expired.');
      }
      throw error;
    }
  }

  async me(userId: string): Promise<Me> {
    return (await this.users.findMe(userId))!;
  }

  async setLocale(userId: string, locale: Locale): Promise<Me> {
    await this.em.nativeUpdate(User, { id: userId }, { locale });

    return this.me(userId);
  }

  // The identity is Cognito's; whether it may use ACI-MTL is ours: a deleted or disabled row
  // refuses the sign-in even when Cognito accepted the password.
  private async toResult(email: string, outcome: SignInOutcome): Promise<SignInResult> {
    switch (outcome.kind) {
      case 'signed-in':
        return {
          status: 'signed-in',
          tokens: outcome.tokens,
          user: await this.startSession(outcome.sub),
        };
      case 'mfa-setup-required':
        return {
          status: outcome.kind,
          session: outcome.session,
          secret: outcome.secret,
          otpauthUri: otpauthUri(email, outcome.secret),
        };
      default:
        return { status: outcome.kind, session: outcome.session };
    }
  }

  private async startSession(sub: string): Promise<Me> {
    const user = await this.em.findOne(User, { cognitoSub: sub });
    if (!user || user.status === 'disabled' || user.status === 'deleted') {
      throw new AuthError(AuthErrorCode.AccountDisabled, 'This account is not active.');
    }

    user.lastSignInAt = new Date();
    if (user.status === 'invited') {
      user.status = 'active';
    }
    await this.em.flush();
    this.logger.log({ userId: user.id, event: 'signed-in' }, 'Signed in');

    return this.me(user.id);
  }
}

/** The link authenticator apps enrol from (the Key URI format of Google Authenticator). */
function otpauthUri(email: string, secret: string): string {
  const label = `${MFA_ISSUER}:${encodeURIComponent(email)}`;

  return `otpauth://totp/${label}?secret=${secret}&issuer=${MFA_ISSUER}&algorithm=SHA1&digits=6&period=30`;
}
