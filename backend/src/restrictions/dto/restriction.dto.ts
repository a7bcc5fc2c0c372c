import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { RESTRICTION_CATEGORIES, type RestrictionCategory } from '@acimtl/contracts';

const DATE = { message: 'must be a date written YYYY-MM-DD' };

export class CreateRestrictionDto {
  /** Omit to bar the person from every shelter (admins only). */
  @IsOptional()
  @IsUUID('all', { message: 'shelterId must be a shelter id' })
  shelterId?: string;

  @IsIn(RESTRICTION_CATEGORIES, {
    message: `category must be one of: ${RESTRICTION_CATEGORIES.join(', ')}`,
  })
  category!: RestrictionCategory;

  @IsString()
  @Length(3, 2000)
  description!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `startsOn ${DATE.message}` })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a real calendar date' })
  startsOn!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `endsOn ${DATE.message}` })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a real calendar date' })
  endsOn!: string;
}

export class LiftRestrictionDto {
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

export class RestrictionParams {
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId!: string;

  @IsUUID('all', { message: 'restrictionId must be a restriction id' })
  restrictionId!: string;
}
