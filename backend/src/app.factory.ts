import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { pickRequestId, REQUEST_ID_HEADER } from './common/http/request-id.js';
import type { AppConfig } from './config/app-config.js';

export const API_PREFIX = 'api';

export interface CreateAppOptions {
  /** More modules to mount beside the API's own; tests use it for probe routes. */
  modules?: Type[];
}

/** Builds the API, configured exactly as it runs in production, without listening yet. */
export async function createApp(
  config: AppConfig,
  { modules = [] }: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Behind the load balancer: client addresses come from X-Forwarded-For.
    trustProxy: config.production,
    return503OnClosing: true,
    genReqId: pickRequestId,
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forConfig(config, modules),
    adapter,
    { bufferLogs: true },
  );

  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
    });

  await app.register(cookie);
  // Multipart bodies are read only by the routes that take files, each with its own limits; a
  // file past its limit is an error, never a silently truncated file.
  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI at /api/docs injects its initialiser inline.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app.enableCors({
    origin: config.WEB_ORIGIN,
    credentials: true,
    exposedHeaders: [REQUEST_ID_HEADER],
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('ACI-MTL API')
      .setDescription('Beds, front desk and client records for Montreal shelters')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });

  return app;
}
