import { DomainError, type ErrorKind } from '../common/errors/domain.error.js';

export enum UsersErrorCode {
  NotFound = 'USER_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  UnknownShelter = 'UNKNOWN_SHELTER',
  SelfChange = 'CANNOT_CHANGE_OWN_ACCESS',
  LastAdmin = 'LAST_ACTIVE_ADMIN',
  NotInvited = 'NOT_AN_INVITATION',
  Deleted = 'USER_DELETED',
}

const KIND: Record<UsersErrorCode, ErrorKind> = {
  [UsersErrorCode.NotFound]: 'not-found',
  [UsersErrorCode.EmailTaken]: 'conflict',
  [UsersErrorCode.UnknownShelter]: 'invalid',
  [UsersErrorCode.SelfChange]: 'conflict',
  [UsersErrorCode.LastAdmin]: 'conflict',
  [UsersErrorCode.NotInvited]: 'conflict',
  [UsersErrorCode.Deleted]: 'conflict',
};

export class UsersError extends DomainError {
  constructor(code: UsersErrorCode, message: string) {
    super(KIND[code], code, message);
  }
}
