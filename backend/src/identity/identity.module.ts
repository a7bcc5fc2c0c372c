import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { createCognitoClient } from './cognito.client.js';
import { CognitoGateway } from './cognito.gateway.js';

/** Cognito: the source of truth for identities and passwords. */
@Module({
  providers: [
    {
      provide: CognitoIdentityProviderClient,
      inject: [AppConfig],
      useFactory: createCognitoClient,
    },
    CognitoGateway,
  ],
  exports: [CognitoGateway],
})
export class IdentityModule implements OnApplicationShutdown {
  constructor(private readonly client: CognitoIdentityProviderClient) {}

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
