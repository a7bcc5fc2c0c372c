import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { toAuthError } from './cognito-errors.js';
import type { SessionTokens } from '../auth/session-cookies.js';

export type SignInOutcome =
  | { kind: 'signed-in'; tokens: Required<SessionTokens>; sub: string }
  | { kind: 'new-password-required'; session: string };

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

    if (result.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      return { kind: 'new-password-required', session: result.Session! };
    }

    return signedIn(result.AuthenticationResult);
  }

  async completeNewPassword(email: string, session: string, newPassword: string) {
    const command = new RespondToAuthChallengeCommand({
      ClientId: this.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
    });
    const result = await this.attempt(() => this.client.send(command));

    return signedIn(result.AuthenticationResult);
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

  private async attempt<T>(work: () => Promise<T>, during?: 'sign-in'): Promise<T> {
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
