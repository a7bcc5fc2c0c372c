import { defineEntity, p } from '@mikro-orm/core';
import { DOCUMENT_CATEGORIES, DOCUMENT_MEDIA_TYPES } from '@acimtl/contracts';
import { Client } from '../clients/client.entity.js';
import { uuidPrimaryKey } from '../database/columns.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';

const DocumentSchema = defineEntity({
  name: 'ClientDocument',
  tableName: 'documents',
  indexes: [{ properties: ['client', 'uploadedAt'] }],
  properties: {
    id: uuidPrimaryKey(),
    client: () => p.manyToOne(Client).deleteRule('restrict'),
    /** Where the document was filed: its members may see the client's record. */
    shelter: () => p.manyToOne(Shelter).deleteRule('restrict').nullable(),
    category: p.enum(DOCUMENT_CATEGORIES),
    note: p.string().length(500).nullable(),
    /** The object's key in the documents bucket, chosen by the API: `clients/<client>/<uuid>`. */
    storageKey: p.string().length(200).unique(),
    /** The uploader's file name, kept only to offer it back on download. */
    fileName: p.string().length(255),
    mediaType: p.enum(DOCUMENT_MEDIA_TYPES),
    sizeBytes: p.integer(),
    sha256: p.string().length(64),
    uploadedBy: () => p.manyToOne(User).deleteRule('restrict'),
    uploadedAt: p.datetime(),
    deletedAt: p.datetime().nullable(),
    deletedBy: () => p.manyToOne(User).deleteRule('restrict').nullable(),
  },
});

export class ClientDocument extends DocumentSchema.class {}
DocumentSchema.setClass(ClientDocument);
