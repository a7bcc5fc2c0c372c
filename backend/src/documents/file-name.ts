import type { DocumentMediaType } from '@acimtl/contracts';

const MAX_FILE_NAME_LENGTH = 255;

// Control characters, and the invisible format characters (bidirectional overrides among
// them) that can make "gpj.exe" display as "exe.jpg".
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}]/u;

/** Why a file name was refused, in words for the person who sent it. */
export type FileNameProblem = string;

/**
 * Checks the name an upload came with and returns it in canonical form (NFC, trimmed), or the
 * problem with it. The name is only ever shown back and offered on download; the object's key
 * never derives from it. Names that try to be paths are refused rather than silently cut, so
 * that a client sending them learns it.
 */
export function checkFileName(raw: string): { name: string } | { problem: FileNameProblem } {
  const name = raw.normalize('NFC').trim();

  if (!name) {
    return { problem: 'The file has no name.' };
  }
  if (HIDDEN_CHARACTERS.test(name)) {
    return { problem: 'The file name contains control or invisible characters.' };
  }
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    return { problem: 'The file name must be a name, not a path.' };
  }
  if (name.length > MAX_FILE_NAME_LENGTH) {
    return { problem: `The file name is longer than ${MAX_FILE_NAME_LENGTH} characters.` };
  }

  return { name };
}

const TYPE_BY_EXTENSION: Record<string, DocumentMediaType[]> = {
  pdf: ['application/pdf'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  jfif: ['image/jpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
  heic: ['image/heic', 'image/heif'],
  heif: ['image/heic', 'image/heif'],
};

/**
 * The media types a file name's extension claims, or undefined when it claims none we know
 * (no extension, or one like `.scan`), which is no claim to contradict.
 */
export function typesClaimedByName(name: string): DocumentMediaType[] | undefined {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();

  return extension === undefined ? undefined : (TYPE_BY_EXTENSION[extension] ?? []);
}

/**
 * A `Content-Disposition: attachment` header offering the original name (RFC 6266): an ASCII
 * fallback for old clients and the exact UTF-8 name in `filename*` for everyone else.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );

  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
