import { describe, expect, it } from '@jest/globals';
import {
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthError } from '../auth/auth.error.js';
import type { AppConfig } from '../config/app-config.js';
import { CognitoGateway } from './cognito.gateway.js';

// A first sign-in in a pool that requires a second factor (production's) goes through
// Cognito's MFA_SETUP challenge, which cognito-local does not implement. These tests pin the
// calls the gateway makes and what it reads from Cognito's answers, as documented for
// InitiateAuth, AssociateSoftwareToken, VerifySoftwareToken and RespondToAuthChallenge.

const CONFIG = { COGNITO_USER_POOL_ID: 'ca-central-1_pool', COGNITO_CLIENT_ID: 'app-client' };
const accessToken = `header.${Buffer.from(JSON.stringify({ sub: 'sub-1' })).toString('base64url')}.signature`;

type Command = { constructor: { name: string }; input: Record<string, unknown> };

/** A Cognito client answering each command in turn from `answers`, and keeping what it sent. */
function cognitoAnswering(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
  const sent: Command[] = [];
  const client = {
    send: async (command: Command) => {
      sent.push(command);
      const answer = answers[command.constructor.name];
      if (!answer) {
        throw new Error(`Unexpected ${command.constructor.name}`);
      }

      return answer(command.input);
    },
  } as unknown as CognitoIdentityProviderClient;

  return { sent, gateway: new CognitoGateway(client, CONFIG as AppConfig) };
}

describe('CognitoGateway, when the pool requires a second factor', () => {
  it('answers MFA_SETUP with the secret of a newly associated app and its session', async () => {
    const { sent, gateway } = cognitoAnswering({
      InitiateAuthCommand: () => ({ ChallengeName: 'MFA_SETUP', Session: 'after-password' }),
      AssociateSoftwareTokenCommand: () => ({
        SecretCode: 'JBSWY3DPEHPK3PXP',
        Session: 'after-associate',
      }),
    });

    const outcome = await gateway.signIn('ana@example.org', 'a long enough password');

    expect(outcome).toEqual({
      kind: 'mfa-setup-required',
      session: 'after-associate',
      secret: 'JBSWY3DPEHPK3PXP',
    });
    expect(sent[1]).toBeInstanceOf(AssociateSoftwareTokenCommand);
    expect(sent[1].input).toEqual({ Session: 'after-password' });
  });

  it('verifies the first code, then completes MFA_SETUP with the session Cognito hands back', async () => {
    const { sent, gateway } = cognitoAnswering({
      VerifySoftwareTokenCommand: () => ({ Status: 'SUCCESS', Session: 'after-verify' }),
      RespondToAuthChallengeCommand: () => ({
        AuthenticationResult: {
          AccessToken: accessToken,
          RefreshToken: 'refresh',
          ExpiresIn: 3600,
        },
      }),
    });

    const outcome = await gateway.completeMfaSetup('ana@example.org', 'after-associate', '123456');

    expect(outcome).toMatchObject({ kind: 'signed-in', sub: 'sub-1' });
    expect(sent[0]).toBeInstanceOf(VerifySoftwareTokenCommand);
    expect(sent[0].input).toEqual({
      Session: 'after-associate',
      UserCode: '123456',
      FriendlyDeviceName: 'ACI-MTL',
    });
    expect(sent[1]).toBeInstanceOf(RespondToAuthChallengeCommand);
    expect(sent[1].input).toEqual({
      ClientId: 'app-client',
      ChallengeName: 'MFA_SETUP',
      Session: 'after-verify',
      ChallengeResponses: { USERNAME: 'ana@example.org' },
    });
  });

  it('refuses a first code Cognito does not accept, without completing the sign-in', async () => {
    const { sent, gateway } = cognitoAnswering({
      VerifySoftwareTokenCommand: () => {
        throw new CodeMismatchException({ message: 'Invalid code', $metadata: {} });
      },
    });

    const refusal = gateway.completeMfaSetup('ana@example.org', 'after-associate', '000000');

    await expect(refusal).rejects.toBeInstanceOf(AuthError);
    await expect(refusal).rejects.toMatchObject({ code: 'INVALID_MFA_CODE' });
    expect(sent).toHaveLength(1);
  });

  it('refuses a sign-in step it does not offer (SMS) with a clear 403, not a failure', async () => {
    const { gateway } = cognitoAnswering({
      InitiateAuthCommand: () => ({ ChallengeName: 'SMS_MFA', Session: 'after-password' }),
    });

    await expect(gateway.signIn('ana@example.org', 'a long enough password')).rejects.toMatchObject(
      { code: 'UNSUPPORTED_SIGN_IN_STEP', kind: 'forbidden' },
    );
  });

  it('sends the code of an enrolled app as SOFTWARE_TOKEN_MFA', async () => {
    const { sent, gateway } = cognitoAnswering({
      InitiateAuthCommand: () => ({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: 'after-password',
      }),
      RespondToAuthChallengeCommand: () => ({
        AuthenticationResult: {
          AccessToken: accessToken,
          RefreshToken: 'refresh',
          ExpiresIn: 3600,
        },
      }),
    });

    expect(await gateway.signIn('ana@example.org', 'a long enough password')).toEqual({
      kind: 'mfa-code-required',
      session: 'after-password',
    });
    await gateway.answerMfaCode('ana@example.org', 'after-password', '654321');

    expect(sent[0]).toBeInstanceOf(InitiateAuthCommand);
    expect(sent[1].input).toEqual({
      ClientId: 'app-client',
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'after-password',
      ChallengeResponses: { USERNAME: 'ana@example.org', SOFTWARE_TOKEN_MFA_CODE: '654321' },
    });
  });
});
