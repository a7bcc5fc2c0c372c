import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Me, SignInResponse } from '@acimtl/contracts';
import { Allow } from './access.decorator.js';
import { AuthError, AuthErrorCode } from './auth.error.js';
import { AuthService, type SignInResult } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import {
  ForgotPasswordDto,
  MfaCodeDto,
  NewPasswordDto,
  RefreshDto,
  ResetPasswordDto,
  SignInDto,
} from './dto/sign-in.dto.js';
import { UpdateMeDto } from './dto/update-me.dto.js';
import type { Principal } from './principal.js';
import { SessionCookies } from './session-cookies.js';

const CHALLENGE_COOKIE = 'acimtl_challenge';
const CHALLENGE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Allow('public')
  async login(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const result = await this.auth.signIn(body.email, body.password, request.ip);

    return this.answer(result, body.tokenDelivery === 'body', reply);
  }

  @Post('new-password')
  @HttpCode(200)
  @Allow('public')
  async newPassword(
    @Body() body: NewPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const result = await this.auth.completeNewPassword(
      body.email,
      this.challengeSession(body.session, request),
      body.newPassword,
      request.ip,
    );

    return this.answer(result, body.tokenDelivery === 'body', reply);
  }

  @Post('mfa-code')
  @HttpCode(200)
  @Allow('public')
  async mfaCode(
    @Body() body: MfaCodeDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const result = await this.auth.answerMfaCode(
      body.email,
      this.challengeSession(body.session, request),
      body.code,
      request.ip,
    );

    return this.answer(result, body.tokenDelivery === 'body', reply);
  }

  @Post('mfa-setup')
  @HttpCode(200)
  @Allow('public')
  async mfaSetup(
    @Body() body: MfaCodeDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const result = await this.auth.completeMfaSetup(
      body.email,
      this.challengeSession(body.session, request),
      body.code,
      request.ip,
    );

    return this.answer(result, body.tokenDelivery === 'body', reply);
  }

  @Post('refresh')
  @HttpCode(200)
  @Allow('public')
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ expiresIn: number; accessToken?: string }> {
    const fromBody = body.refreshToken;
    const refreshToken = fromBody ?? this.cookies.refreshToken(request);
    if (!refreshToken) {
      throw new AuthError(AuthErrorCode.SessionExpired, 'The session has ended. Sign in again.');
    }
    // The refresh cookie is sent by the browser on its own: it must come with the CSRF header.
    if (!fromBody && !this.cookies.hasValidCsrfToken(request)) {
      throw new AuthError(AuthErrorCode.CsrfTokenMissing, 'The request lacks its CSRF token.');
    }

    const tokens = await this.auth.refresh(refreshToken);
    if (fromBody) {
      return tokens;
    }
    this.cookies.set(reply, { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn });

    return { expiresIn: tokens.expiresIn };
  }

  @Post('logout')
  @HttpCode(204)
  @Allow('signed-in')
  async logout(
    @CurrentUser() user: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(user.userId, this.cookies.refreshToken(request));
    this.cookies.clear(reply);
  }

  @Post('forgot-password')
  @HttpCode(202)
  @Allow('public')
  async forgotPassword(@Body() body: ForgotPasswordDto, @Req() request: FastifyRequest) {
    await this.auth.forgotPassword(body.email, request.ip);

    return { message: 'If this e-mail has an account, a code is on its way.' };
  }

  @Post('reset-password')
  @HttpCode(204)
  @Allow('public')
  async resetPassword(@Body() body: ResetPasswordDto, @Req() request: FastifyRequest) {
    await this.auth.resetPassword(body.email, body.code, body.newPassword, request.ip);
  }

  @Get('me')
  @Allow('signed-in')
  me(@CurrentUser() user: Principal): Promise<Me> {
    return this.auth.me(user.userId);
  }

  @Patch('me')
  @Allow('signed-in')
  updateMe(@CurrentUser() user: Principal, @Body() body: UpdateMeDto): Promise<Me> {
    return this.auth.setLocale(user.userId, body.locale);
  }

  private challengeSession(fromBody: string | undefined, request: FastifyRequest): string {
    const session = fromBody ?? request.cookies[CHALLENGE_COOKIE];
    if (!session) {
      throw new AuthError(
        AuthErrorCode.InvalidChallenge,
        'This sign-in has expired. Sign in again with your password.',
      );
    }

    return session;
  }

  /** Signed in, with the tokens set; or the next step, its session kept for the browser. */
  private answer(result: SignInResult, inBody: boolean, reply: FastifyReply): SignInResponse {
    if (result.status !== 'signed-in') {
      const { session, ...step } = result;
      if (inBody) {
        return { ...step, session } as SignInResponse;
      }
      void reply.setCookie(CHALLENGE_COOKIE, session, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.cookies.secure,
        path: CHALLENGE_PATH,
        maxAge: 5 * 60,
      });

      return step as SignInResponse;
    }

    void reply.clearCookie(CHALLENGE_COOKIE, { path: CHALLENGE_PATH });
    if (inBody) {
      return { status: result.status, user: result.user, tokens: result.tokens };
    }
    this.cookies.set(reply, result.tokens);

    return { status: result.status, user: result.user };
  }
}
