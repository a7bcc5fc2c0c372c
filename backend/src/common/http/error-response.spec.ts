import { describe, expect, it } from '@jest/globals';
import { NotFoundException, UnauthorizedException } from '@nestjs/common';
import { DomainError } from '../errors/domain.error.js';
import { toErrorResponse } from './error-response.js';

describe(toErrorResponse.name, () => {
  it('maps a domain error to the status of its kind and keeps its code and message', () => {
    const error = new DomainError('conflict', 'BED_OCCUPIED', 'The bed is occupied.');

    expect(toErrorResponse(error, 'req-1')).toEqual({
      body: {
        statusCode: 409,
        code: 'BED_OCCUPIED',
        message: 'The bed is occupied.',
        requestId: 'req-1',
      },
      headers: {},
      unexpected: false,
    });
  });

  it('passes a domain error headers through, such as Retry-After', () => {
    const error = new DomainError('rate-limited', 'TOO_MANY_ATTEMPTS', 'Wait.', undefined, {
      'retry-after': '30',
    });

    expect(toErrorResponse(error, 'r').headers).toEqual({ 'retry-after': '30' });
  });

  it('gives framework HTTP errors a code from their status', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'), 'r').body).toMatchObject({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'Cannot GET /x',
    });
    expect(toErrorResponse(new UnauthorizedException(), 'r').body.code).toBe('UNAUTHENTICATED');
  });

  it('maps Fastify body errors by their code', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });

    expect(toErrorResponse(tooLarge, 'r').body).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('hides anything else behind a 500 and flags it for logging', () => {
    const response = toErrorResponse(new TypeError('x is undefined at secret.ts:12'), 'req-9');

    expect(response.unexpected).toBe(true);
    expect(response.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: expect.not.stringContaining('secret') as unknown as string,
      requestId: 'req-9',
    });
  });

  it('does not trust a status code above the client range on an unknown error', () => {
    const weird = Object.assign(new Error('boom'), { statusCode: 502 });

    expect(toErrorResponse(weird, 'r').body.statusCode).toBe(500);
  });
});
