import { DomainError, type ErrorKind } from '../common/errors/domain.error.js';

export enum ShelterErrorCode {
  NotFound = 'SHELTER_NOT_FOUND',
  RoomNotFound = 'ROOM_NOT_FOUND',
  BedNotFound = 'BED_NOT_FOUND',
  NameTaken = 'NAME_TAKEN',
  BedInUse = 'BED_IN_USE',
  RoomInUse = 'ROOM_IN_USE',
}

const KIND: Record<ShelterErrorCode, ErrorKind> = {
  [ShelterErrorCode.NotFound]: 'not-found',
  [ShelterErrorCode.RoomNotFound]: 'not-found',
  [ShelterErrorCode.BedNotFound]: 'not-found',
  [ShelterErrorCode.NameTaken]: 'conflict',
  [ShelterErrorCode.BedInUse]: 'conflict',
  [ShelterErrorCode.RoomInUse]: 'conflict',
};

export class ShelterError extends DomainError {
  constructor(code: ShelterErrorCode, message: string) {
    super(KIND[code], code, message);
  }
}
