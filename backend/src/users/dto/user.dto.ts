import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  type Locale,
  LOCALES,
  USER_ROLES,
  USER_STATUSES,
  type UserRole,
  type UserStatus,
} from '@acimtl/contracts';
import { normalizeEmail } from '../../auth/dto/sign-in.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const NAME = /^[^\p{C}<>]+$/u;

export class InviteUserDto {
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @Matches(NAME, { message: 'givenName contains characters that are not allowed' })
  givenName!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @Matches(NAME, { message: 'familyName contains characters that are not allowed' })
  familyName!: string;

  @IsIn(USER_ROLES, { message: `role must be one of: ${USER_ROLES.join(', ')}` })
  role!: UserRole;

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'shelterIds must contain shelter ids' })
  shelterIds: string[] = [];

  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale: Locale = 'fr';
}

export class UpdateUserDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @Matches(NAME, { message: 'givenName contains characters that are not allowed' })
  givenName?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @Matches(NAME, { message: 'familyName contains characters that are not allowed' })
  familyName?: string;

  @IsOptional()
  @IsIn(USER_ROLES, { message: `role must be one of: ${USER_ROLES.join(', ')}` })
  role?: UserRole;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'shelterIds must contain shelter ids' })
  shelterIds?: string[];

  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}

export class ListUsersQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 25;
}

export class UserIdParams {
  @IsUUID('all', { message: 'id must be a user id' })
  id!: string;
}
