import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { DocumentView } from '@acimtl/contracts';
import { type Actor, assertWorksAt } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccess } from '../clients/client-access.js';
import { Client } from '../clients/client.entity.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';
import { ClientDocument } from './document.entity.js';
import { DocumentStore, MissingObjectError, type StoredObject } from './document-store.js';
import { DocumentError, DocumentErrorCode } from './documents.error.js';
import { StoragePurge } from './storage-purge.entity.js';
import { readUpload } from './upload-reader.js';

/** A document about to be sent: what the response needs, and the bytes. */
export interface DocumentDownload {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  object: StoredObject;
}

const NOT_FOUND = 'No document has this id.';

/**
 * Files about a client, kept in the documents bucket under keys the API chooses, with their
 * metadata in PostgreSQL. Only those who may see the client's record may touch them, and each
 * upload, listing, download and deletion is audited.
 *
 * The bucket and the table never disagree in the way that matters: an object is written
 * before its row, so no row names a missing object; an object whose upload failed, or whose
 * document was deleted, is queued for removal and removed, now or, if the bucket is
 * unreachable, by a later purge.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly store: DocumentStore,
  ) {}

  async upload(clientId: string, request: FastifyRequest, actor: Actor): Promise<DocumentView> {
    // Before a byte of the body is read: a stranger learns nothing, even from an error.
    await this.access.assertCanSee(this.em, actor, clientId);

    const upload = await readUpload(request);
    try {
      const shelterId = this.filingShelter(upload.shelterId, actor);
      const key = `clients/${clientId}/${randomUUID()}`;

      let id: string;
      try {
        await this.store.write(key, upload.file);
        id = await this.em.transactional(async (tx) => {
          const document = tx.create(ClientDocument, {
            client: tx.getReference(Client, clientId),
            shelter: shelterId ? tx.getReference(Shelter, shelterId) : null,
            category: upload.category,
            note: upload.note,
            storageKey: key,
            fileName: upload.fileName,
            mediaType: upload.file.mediaType,
            sizeBytes: upload.file.sizeBytes,
            sha256: upload.file.sha256,
            uploadedBy: tx.getReference(User, actor.userId),
            uploadedAt: new Date(),
          });
          await tx.flush();
          this.audit.record(tx, actor, {
            action: 'document.uploaded',
            entityType: 'document',
            entityId: document.id,
            clientId,
          });

          return document.id;
        });
      } catch (error) {
        // No row names the object: remove it, including the part a write cut short may have
        // left (an emulator keeps what it received).
        await this.discardObject(key);
        throw error;
      }
      this.logger.log(
        { documentId: id, clientId, sizeBytes: upload.file.sizeBytes },
        'Document stored',
      );

      return this.view(id);
    } finally {
      await upload.discard();
    }
  }

  async list(clientId: string, actor: Actor): Promise<DocumentView[]> {
    const documents = await this.em.transactional(async (tx) => {
      await this.access.assertCanSee(tx, actor, clientId);
      this.audit.record(tx, actor, {
        action: 'document.listed',
        entityType: 'document',
        entityId: null,
        clientId,
      });

      return tx.find(
        ClientDocument,
        { client: clientId, deletedAt: null },
        { populate: ['shelter', 'uploadedBy'], orderBy: { uploadedAt: 'desc', id: 'asc' } },
      );
    });

    return documents.map(toDocumentView);
  }

  async download(documentId: string, actor: Actor): Promise<DocumentDownload> {
    const document = await this.findVisible(this.em.fork(), documentId, actor);

    let object: StoredObject;
    try {
      object = await this.store.read(document.storageKey);
    } catch (error) {
      if (error instanceof MissingObjectError) {
        this.logger.error({ documentId }, 'Document has no object in the bucket');
        throw new DocumentError(DocumentErrorCode.NotFound, NOT_FOUND);
      }
      throw error;
    }

    // Recorded once the bytes are on their way, and before the first one is sent.
    await this.em
      .transactional(async (tx) => {
        this.audit.record(tx, actor, {
          action: 'document.downloaded',
          entityType: 'document',
          entityId: documentId,
          clientId: document.client.id,
        });
      })
      .catch((error: unknown) => {
        object.body.destroy();
        throw error;
      });

    return {
      fileName: document.fileName,
      mediaType: document.mediaType,
      sizeBytes: document.sizeBytes,
      object,
    };
  }

  async remove(documentId: string, actor: Actor): Promise<void> {
    const key = await this.em.transactional(async (tx) => {
      const document = await this.findVisible(tx, documentId, actor);
      document.deletedAt = new Date();
      document.deletedBy = tx.getReference(User, actor.userId);
      tx.create(StoragePurge, { storageKey: document.storageKey, queuedAt: new Date() });
      this.audit.record(tx, actor, {
        action: 'document.deleted',
        entityType: 'document',
        entityId: documentId,
        clientId: document.client.id,
      });

      return document.storageKey;
    });

    await this.purge(key);
  }

  /** Removes the queued objects that earlier removals could not; returns how many went. */
  async purgePending(limit = 100): Promise<number> {
    const pending = await this.em
      .fork()
      .find(StoragePurge, {}, { limit, orderBy: { queuedAt: 'asc' } });
    let purged = 0;
    for (const { storageKey } of pending) {
      purged += (await this.purge(storageKey)) ? 1 : 0;
    }

    return purged;
  }

  /** Removes an object that no document row names, queueing it first in case that fails. */
  private async discardObject(key: string): Promise<void> {
    try {
      await this.em.fork().upsert(StoragePurge, { storageKey: key, queuedAt: new Date() });
    } catch (error) {
      // Nothing names the object, so no one can reach it; it must still not stay.
      this.logger.error({ err: error, storageKey: key }, 'Could not queue an object for removal');
    }
    await this.purge(key);
  }

  private async purge(key: string): Promise<boolean> {
    try {
      await this.store.remove(key);
    } catch {
      this.logger.warn(
        { storageKey: key },
        'Object not yet removed from the bucket; retried later',
      );

      return false;
    }
    await this.em.fork().nativeDelete(StoragePurge, { storageKey: key });

    return true;
  }

  private filingShelter(requested: string | undefined, actor: Actor): string | null {
    if (requested) {
      assertWorksAt(actor, requested, 'No shelter has this id.');

      return requested;
    }
    if (actor.role === 'admin') {
      return null;
    }
    if (actor.shelterIds.length === 1) {
      return actor.shelterIds[0];
    }
    throw new DocumentError(
      DocumentErrorCode.ShelterRequired,
      'shelterId is required: the shelter where you file this document.',
    );
  }

  private async findVisible(
    em: EntityManager,
    documentId: string,
    actor: Actor,
  ): Promise<ClientDocument> {
    const document = await em.findOne(ClientDocument, { id: documentId, deletedAt: null });
    if (!document || !(await this.access.canSee(em, actor, document.client.id))) {
      throw new DocumentError(DocumentErrorCode.NotFound, NOT_FOUND);
    }

    return document;
  }

  private async view(documentId: string): Promise<DocumentView> {
    const document = await this.em
      .fork()
      .findOneOrFail(ClientDocument, documentId, { populate: ['shelter', 'uploadedBy'] });

    return toDocumentView(document);
  }
}

function toDocumentView(document: ClientDocument): DocumentView {
  return {
    id: document.id,
    clientId: document.client.id,
    category: document.category,
    note: document.note ?? null,
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    shelter: document.shelter ? { id: document.shelter.id, name: document.shelter.name } : null,
    uploadedBy: {
      id: document.uploadedBy.id,
      name: `${document.uploadedBy.givenName} ${document.uploadedBy.familyName}`,
    },
    uploadedAt: document.uploadedAt.toISOString(),
  };
}
