import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export const DEFAULT_HOLD_MINUTES = 150;

export class CreateHoldDto {
  @IsUUID('all', { message: 'bedId must be a bed id' })
  bedId!: string;

  /** The person the bed is kept for; or `referralName` when they are not on file yet. */
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string;

  @IsOptional()
  @IsString()
  @Length(2, 200)
  referralName?: string;

  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  minutes: number = DEFAULT_HOLD_MINUTES;
}

export class HoldParams {
  @IsUUID('all', { message: 'holdId must be a hold id' })
  holdId!: string;
}
