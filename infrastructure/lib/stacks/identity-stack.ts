import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { APPLICATION } from '../config/naming.ts';
import { isProduction, type EnvironmentConfig } from '../config/schema.ts';

export interface IdentityStackProps extends StackProps {
  readonly environment: EnvironmentConfig;
}

/**
 * Who may sign in. Administrators create every account; nobody signs up. Users sign in with their
 * e-mail address through the API, which is the pool's only app client and keeps no secret.
 */
export class IdentityStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);

    const { environment } = props;
    const { identity } = environment;
    const name = `${APPLICATION}-${environment.name}`;

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: name,
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: false },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Length without composition rules, as NIST SP 800-63B recommends: passphrases are easier to
      // remember at a front desk at night and harder to guess than a capital and a digit.
      passwordPolicy: {
        minLength: 15,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: identity.mfa === 'required' ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: identity.threatProtection
        ? cognito.FeaturePlan.PLUS
        : cognito.FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: identity.threatProtection
        ? cognito.StandardThreatProtectionMode.FULL_FUNCTION
        : undefined,
      userInvitation: {
        emailSubject: 'Your ACI-MTL account',
        emailBody:
          `An ACI-MTL account was created for you. Sign in at https://${environment.domainName} ` +
          'with the e-mail address {username} and the temporary password {####}, then choose ' +
          'your own password.',
      },
      deletionProtection: isProduction(environment),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient('ApiClient', {
      userPoolClientName: `${name}-api`,
      generateSecret: false,
      authFlows: { userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(identity.accessTokenMinutes),
      idTokenValidity: Duration.minutes(identity.accessTokenMinutes),
      refreshTokenValidity: Duration.hours(identity.sessionHours),
      authSessionValidity: Duration.minutes(3),
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG1',
      reason:
        'Passwords need 15 characters and no composition rules, following NIST SP 800-63B; ' +
        'composition rules push people toward predictable passwords.',
    });

    if (identity.mfa !== 'required') {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: 'MFA is offered but not required outside production, where only the team signs in.',
      });
    }

    if (!identity.threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Threat protection is paid per active user; outside production only the team signs in.',
      });
    }
  }
}
