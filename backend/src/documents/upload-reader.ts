import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_MEDIA_TYPES,
  type DocumentCategory,
  type DocumentMediaType,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_NOTE_LENGTH,
} from '@acimtl/contracts';
import type { StagedFile } from './document-store.js';
import { DocumentError, DocumentErrorCode } from './documents.error.js';
import { checkFileName, typesClaimedByName } from './file-name.js';

/** An upload read to the end and checked: its fields, and its file waiting in a temp folder. */
export interface Upload {
  category: DocumentCategory;
  note: string | null;
  shelterId: string | undefined;
  fileName: string;
  file: StagedFile & { mediaType: DocumentMediaType };
  /** Removes the temporary copy; safe to call more than once. */
  discard(): Promise<void>;
}

// Room for the multipart boundaries and the small fields around the file.
const ENVELOPE_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What browsers send when they do not know a file's type: no claim to contradict.
const NO_CLAIM = new Set(['', 'application/octet-stream']);
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/heif': 'image/heic' };

const tooLarge = () =>
  new DocumentError(
    DocumentErrorCode.TooLarge,
    `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
    // The rest of the body is not read: the connection cannot be reused.
    { connection: 'close' },
  );

/**
 * Reads a document upload: the fields first, then exactly one `file` part, which goes to a
 * private temporary file while it is measured and hashed, so memory use stays flat whatever
 * the size. Its type is then decided from its first bytes and must agree with what its name
 * and the browser claimed. Anything wrong throws a DocumentError naming it, with nothing left
 * behind.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new DocumentError(
      DocumentErrorCode.NotMultipart,
      'Send the document as multipart/form-data with a file part named "file".',
    );
  }
  if (Number(request.headers['content-length']) > MAX_DOCUMENT_BYTES + ENVELOPE_BYTES) {
    throw tooLarge();
  }

  const fields: Record<string, string> = {};
  let staged: Upload | undefined;

  try {
    const parts = request.parts({
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 3, fieldSize: 2_000, parts: 4 },
      // The name as sent, so that a name which is a path is refused rather than cut short.
      preservePath: true,
    });
    for await (const part of parts) {
      if (staged) {
        throw new DocumentError(
          DocumentErrorCode.FieldAfterFile,
          'Send category, note and shelterId before the file, and only one file.',
        );
      }
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      staged = await stage(part, fields);
    }
  } catch (error) {
    await staged?.discard();
    throw translate(error);
  }

  if (!staged) {
    throw new DocumentError(
      DocumentErrorCode.FileMissing,
      'The upload has no file part named "file".',
    );
  }

  return staged;
}

async function stage(part: MultipartFile, fields: Record<string, string>): Promise<Upload> {
  if (part.fieldname !== 'file') {
    throw new DocumentError(
      DocumentErrorCode.InvalidField,
      `The file part must be named "file", not "${part.fieldname.slice(0, 40)}".`,
    );
  }
  const { category, note, shelterId } = checkFields(fields);
  const name = checkFileName(part.filename ?? '');
  if ('problem' in name) {
    throw new DocumentError(DocumentErrorCode.InvalidFileName, name.problem);
  }

  const folder = await mkdtemp(join(tmpdir(), 'acimtl-upload-'));
  const discard = () => rm(folder, { recursive: true, force: true });

  try {
    const path = join(folder, 'file');
    const hash = createHash('sha256');
    let sizeBytes = 0;
    // Past the limit the parser would quietly drop the rest: stop reading at once instead.
    part.file.once('limit', () => part.file.destroy(tooLarge()));
    await pipeline(
      part.file,
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(path, { mode: 0o600 }),
    );
    if (sizeBytes === 0) {
      throw new DocumentError(DocumentErrorCode.EmptyFile, 'The file is empty.');
    }
    const mediaType = await detectType(path, name.name, part.mimetype);

    return {
      category,
      note,
      shelterId,
      fileName: name.name,
      file: { path, sizeBytes, sha256: hash.digest('hex'), mediaType },
      discard,
    };
  } catch (error) {
    await discard();
    throw error;
  }
}

function checkFields(fields: Record<string, string>) {
  const unknown = Object.keys(fields).filter(
    (key) => !['category', 'note', 'shelterId'].includes(key),
  );
  if (unknown.length) {
    throw new DocumentError(
      DocumentErrorCode.InvalidField,
      `Unknown field ${unknown.map((key) => `"${key.slice(0, 40)}"`).join(', ')}.`,
    );
  }
  const category = fields.category as DocumentCategory;
  if (!DOCUMENT_CATEGORIES.includes(category)) {
    throw new DocumentError(
      DocumentErrorCode.InvalidField,
      `category must be one of: ${DOCUMENT_CATEGORIES.join(', ')}, sent before the file.`,
    );
  }
  const note = fields.note?.trim() || null;
  if (note && note.length > MAX_DOCUMENT_NOTE_LENGTH) {
    throw new DocumentError(
      DocumentErrorCode.InvalidField,
      `note must be at most ${MAX_DOCUMENT_NOTE_LENGTH} characters.`,
    );
  }
  const shelterId = fields.shelterId?.trim() || undefined;
  if (shelterId && !UUID.test(shelterId)) {
    throw new DocumentError(DocumentErrorCode.InvalidField, 'shelterId must be a shelter id.');
  }

  return { category, note, shelterId };
}

async function detectType(path: string, name: string, claimed: string): Promise<DocumentMediaType> {
  const detected = (await fileTypeFromFile(path))?.mime;
  const accepted = 'PDF, JPEG, PNG, WebP or HEIC';

  if (!detected || !(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(detected)) {
    throw new DocumentError(
      DocumentErrorCode.UnsupportedType,
      detected
        ? `The file is ${detected}; a document must be ${accepted}.`
        : `The file's type is not recognised; a document must be ${accepted}.`,
    );
  }
  const mediaType = detected as DocumentMediaType;
  const byName = typesClaimedByName(name);
  const browser = claimed.toLowerCase();
  if (
    (byName && !byName.includes(mediaType)) ||
    (!NO_CLAIM.has(browser) && (ALIASES[browser] ?? browser) !== (ALIASES[mediaType] ?? mediaType))
  ) {
    throw new DocumentError(
      DocumentErrorCode.TypeMismatch,
      `The file's content is ${mediaType}, which its name or declared type contradicts.`,
    );
  }

  return mediaType;
}

// The multipart parser's own limits, in the same words as everything else here.
function translate(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge();
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DocumentError(
        DocumentErrorCode.TooManyFiles,
        'An upload carries one file and at most the fields category, note and shelterId.',
      );
    case 'FST_PROTO_VIOLATION':
      return new DocumentError(DocumentErrorCode.InvalidField, 'A field name is not allowed.');
    default:
      return error;
  }
}
