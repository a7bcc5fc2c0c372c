import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { ApiError } from '@acimtl/contracts';
import { ACCESS_RULE } from '../src/auth/access.decorator.js';
import { commandsImported, sourceFiles } from './support/source-files.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SOURCE = join(import.meta.dirname, '../src');

/** A route someone forgot to declare. */
@Controller('unguarded')
class UnguardedController {
  @Get()
  open() {
    return { exposed: true };
  }
}

@Module({ controllers: [UnguardedController] })
class UnguardedModule {}

describe('access declarations', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api.close();
  });

  it('gives every route of the API an explicit access rule', () => {
    const routes: string[] = [];
    const undeclared: string[] = [];

    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new () => object) | null;
        if (!controller) {
          continue;
        }
        const prototype = controller.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = prototype[name];
          if (
            typeof handler !== 'function' ||
            Reflect.getMetadata(METHOD_METADATA, handler) === undefined
          ) {
            continue;
          }
          const route = `${controller.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, handler))})`;
          routes.push(route);
          if (
            !Reflect.getMetadata(ACCESS_RULE, handler) &&
            !Reflect.getMetadata(ACCESS_RULE, controller)
          ) {
            undeclared.push(route);
          }
        }
      }
    }

    expect(routes.length).toBeGreaterThan(10);
    expect(undeclared).toEqual([]);
  });

  it('refuses a route that has no rule, even to an anonymous caller', async () => {
    const probe = await startTestApp({}, [UnguardedModule]);

    try {
      const response = await fetch(`${probe.url}/api/unguarded`);

      expect(response.status).toBe(403);
      expect(((await response.json()) as ApiError).code).toBe('FORBIDDEN');
    } finally {
      await probe.close();
    }
  });
});

describe('Cognito permissions', () => {
  const ALLOWED_ADMIN_COMMANDS = [
    'AdminCreateUserCommand',
    'AdminDeleteUserCommand',
    'AdminDisableUserCommand',
    'AdminEnableUserCommand',
    'AdminGetUserCommand',
    'AdminUpdateUserAttributesCommand',
  ];
  // The public user-pool flows need no IAM permission.
  const PUBLIC_COMMANDS = [
    'InitiateAuthCommand',
    'RespondToAuthChallengeCommand',
    'AssociateSoftwareTokenCommand',
    'VerifySoftwareTokenCommand',
    'RevokeTokenCommand',
    'ForgotPasswordCommand',
    'ConfirmForgotPasswordCommand',
  ];

  it('sends only the six admin actions the task role allows, and public flows', () => {
    const used = commandsImported(SOURCE, '@aws-sdk/client-cognito-identity-provider');

    expect(used.filter((name) => !PUBLIC_COMMANDS.includes(name)).sort()).toEqual(
      ALLOWED_ADMIN_COMMANDS,
    );
  });

  it('has no other way to reach Cognito than the gateway', () => {
    const clients = sourceFiles(SOURCE).filter(
      (file) =>
        /new CognitoIdentityProviderClient\(|\.send\(/.test(readFileSync(file, 'utf8')) &&
        readFileSync(file, 'utf8').includes('client-cognito-identity-provider'),
    );

    expect(clients.map((file) => file.slice(SOURCE.length + 1)).sort()).toEqual([
      'identity/cognito.client.ts',
      'identity/cognito.gateway.ts',
    ]);
  });
});
