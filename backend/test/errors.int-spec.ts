import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, Module, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { IsInt, IsString, Max, Min } from 'class-validator';
import type { ApiError } from '@acimtl/contracts';
import { Allow } from '../src/auth/access.decorator.js';
import { startTestApp, type TestApp } from './support/test-app.js';

class ProbeDto {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  beds!: number;
}

/** Routes that exist only in this test, to drive the global pipe and filter. */
@Controller('probe')
@Allow('public')
class ProbeController {
  @Post()
  accept(@Body() body: ProbeDto) {
    return { received: body };
  }

  @Get('items/:id')
  item(@Param('id', ParseUUIDPipe) id: string) {
    return { id };
  }

  @Get('crash')
  crash(): never {
    throw new Error('database password is hunter2');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

async function post(api: TestApp, body: string, contentType = 'application/json') {
  const response = await fetch(`${api.url}/api/probe`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });

  return { response, error: (await response.json()) as ApiError };
}

describe('errors at the HTTP boundary', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ BODY_LIMIT_BYTES: '2048' }, [ProbeModule]);
  });

  afterAll(async () => {
    await api.close();
  });

  it('accepts a valid body and converts its types', async () => {
    const response = await fetch(`${api.url}/api/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Maison', beds: 4 }),
    });

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: { name: 'Maison', beds: 4 } });
  });

  it('refuses malformed JSON with 400 and the request id', async () => {
    const { response, error } = await post(api, '{"name": ');

    expect(response.status).toBe(400);
    expect(error.code).toBe('MALFORMED_BODY');
    expect(error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('refuses a content type it does not read with 415', async () => {
    const { response, error } = await post(api, '<probe/>', 'application/xml');

    expect(response.status).toBe(415);
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over the limit with 413', async () => {
    const { response, error } = await post(
      api,
      JSON.stringify({ name: 'x'.repeat(4096), beds: 1 }),
    );

    expect(response.status).toBe(413);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names an unknown field', async () => {
    const { response, error } = await post(
      api,
      JSON.stringify({ name: 'a', beds: 1, admin: true }),
    );

    expect(response.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('admin');
    expect(error.details).toEqual([
      { field: 'admin', messages: ['property admin should not exist'] },
    ]);
  });

  it('names each invalid or missing field', async () => {
    const { response, error } = await post(api, JSON.stringify({ beds: 40 }));

    expect(response.status).toBe(400);
    expect(error.details?.map((detail) => detail.field).sort()).toEqual(['beds', 'name']);
  });

  it('validates path parameters', async () => {
    const response = await fetch(`${api.url}/api/probe/items/not-a-uuid`);

    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiError).message).toMatch(/uuid/i);
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const response = await fetch(`${api.url}/api/nowhere`);
    const error = (await response.json()) as ApiError;

    expect(response.status).toBe(404);
    expect(error).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('turns an unexpected failure into a 500 without its message or stack', async () => {
    const response = await fetch(`${api.url}/api/probe/crash`);
    const text = await response.text();
    const error = JSON.parse(text) as ApiError;

    expect(response.status).toBe(500);
    expect(error.code).toBe('INTERNAL_ERROR');
    expect(error.requestId).toBe(response.headers.get('x-request-id'));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('.ts:');
  });

  it('keeps a well-formed request id from the caller and echoes it', async () => {
    const response = await fetch(`${api.url}/api/health`, {
      headers: { 'x-request-id': 'edge-7f3a9c21' },
    });

    expect(response.headers.get('x-request-id')).toBe('edge-7f3a9c21');
  });

  it('replaces a request id that could forge log lines', async () => {
    const response = await fetch(`${api.url}/api/health`, {
      headers: { 'x-request-id': 'bad id\twith "quotes"' },
    });

    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers and limits CORS to the web origin', async () => {
    const response = await fetch(`${api.url}/api/health`, {
      headers: { origin: 'https://evil.example' },
    });

    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});
