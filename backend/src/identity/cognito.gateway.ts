import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  UserNotFoundException,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { AuthError, AuthErrorCode } from '../auth/auth.error.js';
import { INVALID_MFA_CODE_MESSAGE, toAuthError } from './cognito-errors.js';
import type { SessionTokens } from '../auth/session-cookies.js';

export type SignInOutcome =
  | { kind: 'signed-in'; tokens: Required<SessionTokens>; sub: string }
  | { kind: 'new-password-required'; session: string }
  /** The person's authenticator app must give its current code. */
  | { kind: 'mfa-code-required'; session: string }
  /** A first sign-in where a second factor is required: the app must be enrolled with `secret`. */
  | { kind: 'mfa-setup-required'; session: string; secret: string };

/** What InitiateAuth and RespondToAuthChallenge answer. */
interface AuthStep {
  ChallengeName?: string;
  Session?: string;
  AuthenticationResult?: { AccessToken?: string; RefreshToken?: string; ExpiresIn?: number };
}

/** The name an authenticator app shows beside the codes of this account. */
const MFA_DEVICE_NAME = 'ACI-MTL';

/** The attributes of a Cognito user the API writes. */
export interface IdentityAttributes {
  givenName: string;
  familyName: string;
  locale: string;
}

/**
 * Everything the API asks of Cognito, and nothing more: the public user-pool flows, which need
 * no IAM permission, and exactly six admin actions (AdminCreateUser, AdminDeleteUser,
 * AdminDisableUser, AdminEnableUser, AdminGetUser, AdminUpdateUserAttributes) that the task
 * role allows. Cognito's errors come out as AuthError.
 */
@Injectable()
export class CognitoGateway {
  private readonly userPoolId: string;
  private readonly clientId: string;

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    config: AppConfig,
  ) {
    this.userPoolId = config.COGNITO_USER_POOL_ID;
    this.clientId = config.COGNITO_CLIENT_ID;
  }

  async signIn(email: string, password: string): Promise<SignInOutcome> {
    const command = new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: this.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    });
    const result = await this.attempt(() => this.client.send(command), 'sign-in');

    return this.nextStep(result);
  }

  async completeNewPassword(
    email: string,
    session: string,
    newPassword: string,
  ): Promise<SignInOutcome> {
    const command = new RespondToAuthChallengeCommand({
      ClientId: this.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
    });

    return this.nextStep(await this.attempt(() => this.client.send(command)));
  }

  /** Answers a `mfa-code-required` step with the authenticator app's current code. */
  async answerMfaCode(email: string, session: string, code: string): Promise<SignInOutcome> {
    const command = new RespondToAuthChallengeCommand({
      ClientId: this.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: session,
      ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
    });

    return this.nextStep(await this.attempt(() => this.client.send(command), 'mfa'));
  }

  /**
   * Completes a `mfa-setup-required` step: Cognito checks the enrolled app's first code, then
   * the sign-in goes on with the session it hands back.
   */
  async completeMfaSetup(email: string, session: string, code: string): Promise<SignInOutcome> {
    const verify = new VerifySoftwareTokenCommand({
      Session: session,
      UserCode: code,
      FriendlyDeviceName: MFA_DEVICE_NAME,
    });
    const verified = await this.attempt(() => this.client.send(verify), 'mfa');
    if (verified.Status !== 'SUCCESS' || !verified.Session) {
      throw new AuthError(AuthErrorCode.InvalidMfaCode, INVALID_MFA_CODE_MESSAGE);
    }

    const command = new RespondToAuthChallengeCommand({
      ClientId: this.clientId,
      ChallengeName: 'MFA_SETUP',
      Session: verified.Session,
      ChallengeResponses: { USERNAME: email },
    });

    return this.nextStep(await this.attempt(() => this.client.send(command), 'mfa'));
  }

  /** What the person must do next after a step of the sign-in, or the tokens once done. */
  private async nextStep(step: AuthStep): Promise<SignInOutcome> {
    switch (step.ChallengeName) {
      case undefined:
        return signedIn(step.AuthenticationResult);
      case 'NEW_PASSWORD_REQUIRED':
        return { kind: 'new-password-required', session: step.Session! };
      case 'SOFTWARE_TOKEN_MFA':
        return { kind: 'mfa-code-required', session: step.Session! };
      case 'MFA_SETUP': {
        const associated = await this.attempt(() =>
          this.client.send(new AssociateSoftwareTokenCommand({ Session: step.Session })),
        );

        return {
          kind: 'mfa-setup-required',
          session: associated.Session!,
          secret: associated.SecretCode!,
        };
      }
      default:
        // The pool offers authenticator apps only; SMS or a choice of factors would be a
        // misconfigured pool, answered with a clear refusal rather than a failure.
        throw new AuthError(
          AuthErrorCode.UnsupportedChallenge,
          'This account asks for a sign-in step that ACI-MTL does not offer. Ask an administrator.',
        );
    }
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const command = new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: this.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    const result = await this.attempt(() => this.client.send(command));

    return {
      accessToken: result.AuthenticationResult!.AccessToken!,
      expiresIn: result.AuthenticationResult!.ExpiresIn ?? 3600,
    };
  }

  async revoke(refreshToken: string): Promise<void> {
    const command = new RevokeTokenCommand({ ClientId: this.clientId, Token: refreshToken });
    await this.attempt(() => this.client.send(command));
  }

  async forgotPassword(email: string): Promise<void> {
    const command = new ForgotPasswordCommand({ ClientId: this.clientId, Username: email });
    await this.attempt(() => this.client.send(command));
  }

  async confirmForgotPassword(email: string, code: string, newPassword: string): Promise<void> {
    const command = new ConfirmForgotPasswordCommand({
      ClientId: this.clientId,
      Username: email,
      ConfirmationCode: code,
      Password: newPassword,
    });
    await this.attempt(() => this.client.send(command));
  }

  /**
   * Creates the identity; Cognito e-mails the temporary password, unless one is given (the
   * local emulator sends no e-mail). Returns the new identity's `sub`.
   */
  async createUser(
    email: string,
    attributes: IdentityAttributes,
    temporaryPassword?: string,
  ): Promise<string> {
    const command = new AdminCreateUserCommand({
      UserPoolId: this.userPoolId,
      Username: email,
      TemporaryPassword: temporaryPassword,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        ...toAttributes(attributes),
      ],
    });
    const result = await this.attempt(() => this.client.send(command));

    return result.User!.Attributes!.find((attribute) => attribute.Name === 'sub')!.Value!;
  }

  /** Sends the invitation again, with a new temporary password. */
  async resendInvitation(email: string, temporaryPassword?: string): Promise<void> {
    const command = new AdminCreateUserCommand({
      UserPoolId: this.userPoolId,
      Username: email,
      MessageAction: 'RESEND',
      TemporaryPassword: temporaryPassword,
      DesiredDeliveryMediums: ['EMAIL'],
    });
    await this.attempt(() => this.client.send(command));
  }

  async updateAttributes(email: string, attributes: IdentityAttributes): Promise<void> {
    const command = new AdminUpdateUserAttributesCommand({
      UserPoolId: this.userPoolId,
      Username: email,
      UserAttributes: toAttributes(attributes),
    });
    await this.attempt(() => this.client.send(command));
  }

  async disableUser(email: string): Promise<void> {
    const command = new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: email });
    await this.attempt(() => this.client.send(command));
  }

  async enableUser(email: string): Promise<void> {
    const command = new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: email });
    await this.attempt(() => this.client.send(command));
  }

  /** Deletes the identity; one already gone counts as deleted, so a retry converges. */
  async deleteUser(email: string): Promise<void> {
    const command = new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: email });
    await this.attempt(async () => {
      try {
        await this.client.send(command);
      } catch (error) {
        if (!(error instanceof UserNotFoundException)) {
          throw error;
        }
      }
    });
  }

  /** The identity's Cognito status (e.g. FORCE_CHANGE_PASSWORD) and whether it is enabled. */
  async getUser(email: string): Promise<{ status: string; enabled: boolean } | undefined> {
    const command = new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email });

    return this.attempt(async () => {
      try {
        const result = await this.client.send(command);

        return { status: result.UserStatus ?? 'UNKNOWN', enabled: result.Enabled ?? false };
      } catch (error) {
        if (error instanceof UserNotFoundException) {
          return undefined;
        }
        throw error;
      }
    });
  }

  private async attempt<T>(work: () => Promise<T>, during?: 'sign-in' | 'mfa'): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toAuthError(error, during);
    }
  }
}

function signedIn(
  result:
    | {
        AccessToken?: string;
        RefreshToken?: string;
        ExpiresIn?: number;
      }
    | undefined,
): SignInOutcome & { kind: 'signed-in' } {
  const accessToken = result!.AccessToken!;

  return {
    kind: 'signed-in',
    sub: subjectOf(accessToken),
    tokens: {
      accessToken,
      refreshToken: result!.RefreshToken!,
      expiresIn: result!.ExpiresIn ?? 3600,
    },
  };
}

// The token comes straight from Cognito over TLS: its subject can be read without verifying.
function subjectOf(accessToken: string): string {
  const payload = accessToken.split('.')[1];

  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string }).sub;
}

function toAttributes(attributes: IdentityAttributes): AttributeType[] {
  return [
    { Name: 'given_name', Value: attributes.givenName },
    { Name: 'family_name', Value: attributes.familyName },
    { Name: 'locale', Value: attributes.locale },
  ];
}
