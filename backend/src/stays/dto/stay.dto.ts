import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { EXIT_REASONS, type ExitReason } from '@acimtl/contracts';

export class CheckInDto {
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId!: string;

  @IsUUID('all', { message: 'bedId must be a bed id' })
  bedId!: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expectedCheckOutAt must be an ISO 8601 date and time' })
  expectedCheckOutAt?: string;

  /** Checks in despite an active service restriction; the written reason is kept on the stay. */
  @IsOptional()
  @IsString()
  @Length(10, 2000, {
    message: 'restrictionOverride must explain the decision in 10 to 2000 characters',
  })
  restrictionOverride?: string;

  /**
   * The referral's hold on the bed, which this check-in takes: the person the bed was kept for
   * has arrived. A hold for a named person is taken only by that person's check-in.
   */
  @IsOptional()
  @IsUUID('all', { message: 'holdId must be a hold id' })
  holdId?: string;
}

export class CheckOutDto {
  @IsIn(EXIT_REASONS, { message: `exitReason must be one of: ${EXIT_REASONS.join(', ')}` })
  exitReason!: ExitReason;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  destination?: string;
}

export class MoveStayDto {
  @IsUUID('all', { message: 'bedId must be a bed id' })
  bedId!: string;
}

export class StayParams {
  @IsUUID('all', { message: 'stayId must be a stay id' })
  stayId!: string;
}

export class ShelterStaysQuery {
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  open?: boolean;
}
