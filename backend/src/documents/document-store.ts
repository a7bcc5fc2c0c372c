import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { DocumentError, DocumentErrorCode } from './documents.error.js';

/** A file ready to store: spooled to a private temporary file, measured and hashed. */
export interface StagedFile {
  path: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  mediaType: string;
}

export interface StoredObject {
  body: Readable;
  sizeBytes: number | undefined;
}

/** Thrown by `read` when the bucket has no object under the key. */
export class MissingObjectError extends Error {}

const UNAVAILABLE = 'The document store cannot be reached right now; nothing was changed.';

/**
 * The documents bucket, through exactly the commands the API's role allows on it (PutObject,
 * GetObject, DeleteObject; ListBucket is for the readiness check). Any failure to reach it is a
 * 503 that says nothing was changed.
 */
@Injectable()
export class DocumentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly config: AppConfig,
  ) {}

  async write(key: string, file: StagedFile): Promise<void> {
    const command = new PutObjectCommand({
      Bucket: this.config.S3_BUCKET,
      Key: key,
      Body: createReadStream(file.path),
      ContentLength: file.sizeBytes,
      ContentType: file.mediaType,
      ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
      ServerSideEncryption: 'AES256',
    });
    await reachable(key, () => this.s3.send(command));
  }

  async read(key: string): Promise<StoredObject> {
    try {
      const object = await this.s3.send(
        new GetObjectCommand({ Bucket: this.config.S3_BUCKET, Key: key }),
      );

      return { body: object.Body as Readable, sizeBytes: object.ContentLength };
    } catch (error) {
      if (error instanceof NoSuchKey) {
        throw new MissingObjectError(key);
      }
      throw unavailable(error, key);
    }
  }

  async remove(key: string): Promise<void> {
    const command = new DeleteObjectCommand({ Bucket: this.config.S3_BUCKET, Key: key });
    await reachable(key, () => this.s3.send(command));
  }
}

const logger = new Logger(DocumentStore.name);

function unavailable(error: unknown, storageKey: string): DocumentError {
  logger.warn({ storageKey, cause: (error as Error).name }, 'Document store unreachable');

  return new DocumentError(DocumentErrorCode.StorageUnavailable, UNAVAILABLE);
}

async function reachable<T>(storageKey: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error, storageKey);
  }
}
