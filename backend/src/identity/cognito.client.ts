import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AppConfig } from '../config/app-config.js';

/** The one Cognito client of the API, pointed at an emulator when COGNITO_ENDPOINT is set. */
export function createCognitoClient(config: AppConfig): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: config.AWS_REGION,
    endpoint: config.COGNITO_ENDPOINT,
    maxAttempts: 2,
  });
}
