import { hostname } from 'node:os';
import {
  CloudWatchLogsClient,
  CreateLogStreamCommand,
  DescribeLogStreamsCommand,
  PutLogEventsCommand,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-cloudwatch-logs';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { uuidArray } from '../database/sql.js';

interface PendingEvent {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  requestId: string | null;
  clientAddress: string | null;
}

const BATCH_SIZE = 500;

/**
 * Sends audit events from PostgreSQL to CloudWatch Logs (or, without a log group, to the
 * application log), oldest first, and marks them shipped in the same transaction. A failure
 * leaves them unshipped for the next round: nothing is lost and no request waits for it. Rows
 * are claimed with SKIP LOCKED, so several API tasks can ship side by side.
 */
@Injectable()
export class AuditShipper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly streamName = `api/${hostname()}/${new Date().toISOString().slice(0, 10)}-${process.pid}`;
  private streamReady = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: AppConfig,
    private readonly logs: CloudWatchLogsClient,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.shipPending(), this.config.AUDIT_SHIP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.shipPending();
  }

  /** Ships what is waiting, one batch at a time; returns how many events went out. */
  async shipPending(): Promise<number> {
    // One round at a time per process: the timer may fire while a slow round still runs.
    this.running ??= this.shipAll().finally(() => (this.running = undefined));

    return this.running;
  }

  private async shipAll(): Promise<number> {
    let shipped = 0;
    try {
      for (let batch = await this.shipBatch(); batch > 0; batch = await this.shipBatch()) {
        shipped += batch;
      }
    } catch (error) {
      this.logger.warn(
        { err: error, event: 'audit-shipping-failed' },
        'Audit shipping failed; will retry',
      );
    }

    return shipped;
  }

  private async shipBatch(): Promise<number> {
    return this.orm.em.fork().transactional(async (tx) => {
      const context = tx.getTransactionContext();
      const connection = tx.getConnection();
      const events = await connection.execute<PendingEvent[]>(
        `select id, occurred_at as "occurredAt", actor_id as "actorId", action,
                entity_type as "entityType", entity_id as "entityId", client_id as "clientId",
                request_id as "requestId", client_address as "clientAddress"
           from audit_events where shipped_at is null
          order by occurred_at limit ? for update skip locked`,
        [BATCH_SIZE],
        'all',
        context,
      );
      if (events.length === 0) {
        return 0;
      }

      await this.send(events);
      await connection.execute(
        'update audit_events set shipped_at = now() where id = any(?::uuid[])',
        [uuidArray(events.map((event) => event.id))],
        'run',
        context,
      );

      return events.length;
    });
  }

  private async send(events: PendingEvent[]): Promise<void> {
    const logGroupName = this.config.AUDIT_LOG_GROUP;
    if (!logGroupName) {
      for (const event of events) {
        this.logger.log({ auditEvent: event }, 'Audit event');
      }
      return;
    }

    await this.ensureStream(logGroupName);
    await this.logs.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName: this.streamName,
        logEvents: events.map((event) => ({
          timestamp: new Date(event.occurredAt).getTime(),
          message: JSON.stringify(event),
        })),
      }),
    );
  }

  private async ensureStream(logGroupName: string): Promise<void> {
    if (this.streamReady) {
      return;
    }
    const found = await this.logs.send(
      new DescribeLogStreamsCommand({
        logGroupName,
        logStreamNamePrefix: this.streamName,
        limit: 1,
      }),
    );
    if (!found.logStreams?.some((stream) => stream.logStreamName === this.streamName)) {
      try {
        await this.logs.send(
          new CreateLogStreamCommand({ logGroupName, logStreamName: this.streamName }),
        );
      } catch (error) {
        if (!(error instanceof ResourceAlreadyExistsException)) {
          throw error;
        }
      }
    }
    this.streamReady = true;
  }
}
