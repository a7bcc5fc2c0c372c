import { defineEntity, p } from '@mikro-orm/core';

const StoragePurgeSchema = defineEntity({
  name: 'StoragePurge',
  tableName: 'storage_purges',
  properties: {
    /** An object key in the documents bucket that no live document names. */
    storageKey: p.string().length(200).primary(),
    queuedAt: p.datetime(),
  },
});

/**
 * An object that must leave the documents bucket: a deleted document's, or one a failed upload
 * may have left. Kept until its removal succeeds, so an unreachable bucket delays a removal
 * but never cancels it.
 */
export class StoragePurge extends StoragePurgeSchema.class {}
StoragePurgeSchema.setClass(StoragePurge);
