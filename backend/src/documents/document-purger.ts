import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DocumentsService } from './documents.service.js';

const PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * Now and then, removes from the bucket the objects whose removal failed when it was asked for
 * (the bucket was unreachable at the time), so that a deletion always ends with no copy left.
 */
@Injectable()
export class DocumentPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Documents');
  private timer?: NodeJS.Timeout;

  constructor(private readonly documents: DocumentsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    try {
      const purged = await this.documents.purgePending();
      if (purged > 0) {
        this.logger.log({ purged }, 'Queued objects removed from the documents bucket');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Document purge failed; it runs again later');
    }
  }
}
