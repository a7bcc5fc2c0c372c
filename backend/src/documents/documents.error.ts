import { DomainError, type ErrorKind } from '../common/errors/domain.error.js';

export enum DocumentErrorCode {
  NotFound = 'DOCUMENT_NOT_FOUND',
  NotMultipart = 'DOCUMENT_NOT_MULTIPART',
  FileMissing = 'DOCUMENT_FILE_MISSING',
  FieldAfterFile = 'DOCUMENT_FIELD_AFTER_FILE',
  TooManyFiles = 'DOCUMENT_TOO_MANY_FILES',
  InvalidField = 'DOCUMENT_INVALID_FIELD',
  EmptyFile = 'DOCUMENT_EMPTY_FILE',
  TooLarge = 'DOCUMENT_TOO_LARGE',
  UnsupportedType = 'DOCUMENT_UNSUPPORTED_TYPE',
  TypeMismatch = 'DOCUMENT_TYPE_MISMATCH',
  InvalidFileName = 'DOCUMENT_INVALID_FILE_NAME',
  ShelterRequired = 'DOCUMENT_SHELTER_REQUIRED',
  StorageUnavailable = 'DOCUMENT_STORAGE_UNAVAILABLE',
}

const KIND: Record<DocumentErrorCode, ErrorKind> = {
  [DocumentErrorCode.NotFound]: 'not-found',
  [DocumentErrorCode.NotMultipart]: 'unsupported-media-type',
  [DocumentErrorCode.FileMissing]: 'invalid',
  [DocumentErrorCode.FieldAfterFile]: 'invalid',
  [DocumentErrorCode.TooManyFiles]: 'invalid',
  [DocumentErrorCode.InvalidField]: 'invalid',
  [DocumentErrorCode.EmptyFile]: 'invalid',
  [DocumentErrorCode.TooLarge]: 'payload-too-large',
  [DocumentErrorCode.UnsupportedType]: 'unsupported-media-type',
  [DocumentErrorCode.TypeMismatch]: 'unsupported-media-type',
  [DocumentErrorCode.InvalidFileName]: 'invalid',
  [DocumentErrorCode.ShelterRequired]: 'invalid',
  [DocumentErrorCode.StorageUnavailable]: 'unavailable',
};

/** What can go wrong with a client's document, from a bad upload to an unreachable bucket. */
export class DocumentError extends DomainError {
  constructor(code: DocumentErrorCode, message: string, headers?: Record<string, string>) {
    super(KIND[code], code, message, undefined, headers);
  }
}
