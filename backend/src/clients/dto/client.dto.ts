import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  BIRTH_DATE_QUALITIES,
  type BirthDateQuality,
  type Locale,
  LOCALES,
} from '@acimtl/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const NAME = /^[^\p{C}<>]+$/u;

export class CreateClientDto {
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

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @Matches(NAME, { message: 'alias contains characters that are not allowed' })
  alias?: string;

  /** A calendar date, `YYYY-MM-DD`; a real one (no 31 February). */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'birthDate must be a real calendar date' })
  birthDate?: string;

  @IsOptional()
  @IsIn(BIRTH_DATE_QUALITIES, {
    message: `birthDateQuality must be one of: ${BIRTH_DATE_QUALITIES.join(', ')}`,
  })
  birthDateQuality?: BirthDateQuality;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  gender?: string;

  @IsOptional()
  @IsIn(LOCALES)
  preferredLanguage?: Locale;

  /** Where the record is created; required of coordinators, who must work there. */
  @IsOptional()
  @IsUUID('all', { message: 'shelterId must be a shelter id' })
  shelterId?: string;
}

export class UpdateClientDto extends PartialType(CreateClientDto) {}

export class SearchClientsQuery {
  @Transform(trim)
  @IsString()
  @Length(2, 100, { message: 'q must be 2 to 100 characters long' })
  q!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize = 20;
}

export class ClientParams {
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId!: string;
}
