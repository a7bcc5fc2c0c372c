import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CloudWatchLogsClient,
  type PutLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { AuditShipper } from '../src/audit/audit-shipper.js';
import { createAccount, sql } from './support/accounts.js';
import { call, createClient } from './support/front-desk.js';
import { signInForTokens } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface SentCommand {
  name: string;
  input: Record<string, unknown>;
}

/**
 * CloudWatch Logs cannot run here: the client's requests stop at the SDK boundary, where this
 * records each command and answers as the service would, or fails when told to.
 */
function interceptCloudWatch(app: TestApp, { existingStream = false } = {}) {
  const sent: SentCommand[] = [];
  const state = { failPuts: false };
  const client = app.app.get(CloudWatchLogsClient);
  client.middlewareStack.remove('cloudwatch-boundary');
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = context.commandName!;
      const input = args.input as Record<string, unknown>;
      sent.push({ name, input });
      if (name === 'PutLogEventsCommand' && state.failPuts) {
        throw new Error('ServiceUnavailableException');
      }
      const output =
        name === 'DescribeLogStreamsCommand'
          ? { logStreams: existingStream ? [{ logStreamName: input.logStreamNamePrefix }] : [] }
          : {};

      return { output: { $metadata: {}, ...output }, response: {} } as never;
    },
    { step: 'initialize', name: 'cloudwatch-boundary' },
  );

  return { sent, state };
}

async function unshipped(): Promise<number> {
  const [{ count }] = await sql<{ count: string }>(
    'select count(*) from audit_events where shipped_at is null',
  );

  return Number(count);
}

describe('audit shipping to CloudWatch Logs', () => {
  let api: TestApp;
  let admin: string;
  let shipper: AuditShipper;

  beforeAll(async () => {
    api = await startTestApp({
      AUDIT_LOG_GROUP: '/acimtl/test/audit',
      AUDIT_SHIP_INTERVAL_MS: '600000',
    });
    shipper = api.app.get(AuditShipper);
    const account = await createAccount('admin');
    admin = (await signInForTokens(api.url, account.email, account.password)).accessToken;
  });

  afterAll(async () => {
    await api.close();
  });

  it('creates its stream, sends every pending event in order and marks them shipped', async () => {
    const { sent } = interceptCloudWatch(api);
    const client = await createClient(api.url, admin, { givenName: 'Confidentiel' });
    await call(api.url, admin, 'GET', `/api/clients/${client.id}`);

    const count = await shipper.shipPending();
    const names = sent.map((command) => command.name);
    const put = sent.find((command) => command.name === 'PutLogEventsCommand')!
      .input as unknown as PutLogEventsCommandInput;
    const messages = put.logEvents!.map(
      (event) => JSON.parse(event.message!) as { action: string; clientId: string },
    );

    expect(count).toBeGreaterThanOrEqual(2);
    expect(names.slice(0, 3)).toEqual([
      'DescribeLogStreamsCommand',
      'CreateLogStreamCommand',
      'PutLogEventsCommand',
    ]);
    expect(put.logGroupName).toBe('/acimtl/test/audit');
    expect(put.logEvents!.map((event) => event.timestamp)).toEqual(
      [...put.logEvents!.map((event) => event.timestamp!)].sort((a, b) => a - b),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'client.created', clientId: client.id }),
        expect.objectContaining({ action: 'client.viewed', clientId: client.id }),
      ]),
    );
    expect(JSON.stringify(put.logEvents)).not.toContain('Confidentiel');
    expect(await unshipped()).toBe(0);
  });

  it('keeps events when CloudWatch fails, without failing the request, and ships them later', async () => {
    const { state, sent } = interceptCloudWatch(api, { existingStream: true });
    state.failPuts = true;

    const created = await call(api.url, admin, 'POST', '/api/clients', {
      givenName: 'Marie',
      familyName: 'Gagné',
    });
    expect(created.status).toBe(201);
    await shipper.shipPending();
    expect(await unshipped()).toBeGreaterThan(0);

    state.failPuts = false;
    await shipper.shipPending();
    expect(await unshipped()).toBe(0);
    expect(
      sent.filter((command) => command.name === 'PutLogEventsCommand').length,
    ).toBeGreaterThanOrEqual(2);
  });
});
