/** What a document about a client is. */
export const DOCUMENT_CATEGORIES = ['identity', 'consent', 'medical', 'letter', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/**
 * The file types a document may have, decided from the file's bytes. HEIC and HEIF are what
 * phones take photos in.
 */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** The largest file a document may be: 25 MB. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** The longest note kept with a document. */
export const MAX_DOCUMENT_NOTE_LENGTH = 500;

/**
 * `GET /api/clients/:id/documents` items, and the answer to an upload.
 *
 * Uploads are `multipart/form-data` with the fields `category`, optional `note` and optional
 * `shelterId` sent before the one `file` part.
 */
export interface DocumentView {
  id: string;
  clientId: string;
  category: DocumentCategory;
  note: string | null;
  /** The name the file had on the uploader's device; never a path. */
  fileName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, to check a download against. */
  sha256: string;
  /** The shelter where it was filed, whose members may then see the client's record. */
  shelter: { id: string; name: string } | null;
  uploadedBy: { id: string; name: string };
  uploadedAt: string;
}
