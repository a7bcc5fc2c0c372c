import { DomainError, type ErrorKind } from '../common/errors/domain.error.js';

export enum ClientErrorCode {
  NotFound = 'CLIENT_NOT_FOUND',
  ShelterRequired = 'SHELTER_REQUIRED',
  InvalidBirthDate = 'INVALID_BIRTH_DATE',
}

const KIND: Record<ClientErrorCode, ErrorKind> = {
  [ClientErrorCode.NotFound]: 'not-found',
  [ClientErrorCode.ShelterRequired]: 'invalid',
  [ClientErrorCode.InvalidBirthDate]: 'invalid',
};

export class ClientError extends DomainError {
  constructor(code: ClientErrorCode, message: string) {
    super(KIND[code], code, message);
  }
}
