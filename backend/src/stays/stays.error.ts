import { DomainError, type ErrorKind } from '../common/errors/domain.error.js';

export enum FrontDeskErrorCode {
  BedNotFound = 'BED_NOT_FOUND',
  ClientNotFound = 'CLIENT_NOT_FOUND',
  StayNotFound = 'STAY_NOT_FOUND',
  HoldNotFound = 'HOLD_NOT_FOUND',
  BedOccupied = 'BED_OCCUPIED',
  BedHeld = 'BED_HELD',
  BedOutOfService = 'BED_OUT_OF_SERVICE',
  ClientAlreadyCheckedIn = 'CLIENT_ALREADY_CHECKED_IN',
  RestrictionActive = 'RESTRICTION_ACTIVE',
  StayClosed = 'STAY_ALREADY_CHECKED_OUT',
  OtherShelter = 'BED_IN_ANOTHER_SHELTER',
  InvalidHold = 'INVALID_HOLD',
  InvalidRange = 'INVALID_RANGE',
}

const KIND: Record<FrontDeskErrorCode, ErrorKind> = {
  [FrontDeskErrorCode.BedNotFound]: 'not-found',
  [FrontDeskErrorCode.ClientNotFound]: 'not-found',
  [FrontDeskErrorCode.StayNotFound]: 'not-found',
  [FrontDeskErrorCode.HoldNotFound]: 'not-found',
  [FrontDeskErrorCode.BedOccupied]: 'conflict',
  [FrontDeskErrorCode.BedHeld]: 'conflict',
  [FrontDeskErrorCode.BedOutOfService]: 'conflict',
  [FrontDeskErrorCode.ClientAlreadyCheckedIn]: 'conflict',
  [FrontDeskErrorCode.RestrictionActive]: 'conflict',
  [FrontDeskErrorCode.StayClosed]: 'conflict',
  [FrontDeskErrorCode.OtherShelter]: 'invalid',
  [FrontDeskErrorCode.InvalidHold]: 'invalid',
  [FrontDeskErrorCode.InvalidRange]: 'invalid',
};

/** Check-in, check-out, moves and holds: what the front desk can run into. */
export class FrontDeskError extends DomainError {
  constructor(code: FrontDeskErrorCode, message: string) {
    super(KIND[code], code, message);
  }
}
