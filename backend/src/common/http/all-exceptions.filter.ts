import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response.js';

/**
 * The single place where errors become HTTP responses, including those Fastify raises while
 * reading a body (malformed JSON, wrong content type, too large), which Nest routes here too. Domain errors and client mistakes get
 * their status and code; anything else is a 500 that is logged once, with its stack, and
 * answered without it.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();

    const { body, headers, unexpected } = toErrorResponse(error, request.id);

    if (unexpected) {
      this.logger.error(
        { err: error, requestId: request.id, route: request.routeOptions?.url },
        'Unhandled error',
      );
    }

    if (reply.sent) {
      return;
    }

    void reply.status(body.statusCode).headers(headers).send(body);
  }
}
