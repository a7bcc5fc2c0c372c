import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import {
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
  type IncidentSeverity,
  type IncidentType,
  TURNAWAY_REASONS,
  type TurnawayReason,
} from '@acimtl/contracts';

const WHEN = { strict: true };

export class CreateIncidentDto {
  @IsUUID('all', { message: 'shelterId must be a shelter id' })
  shelterId!: string;

  @IsISO8601(WHEN, { message: 'occurredAt must be an ISO 8601 date and time' })
  occurredAt!: string;

  @IsIn(INCIDENT_TYPES, { message: `type must be one of: ${INCIDENT_TYPES.join(', ')}` })
  type!: IncidentType;

  @IsIn(INCIDENT_SEVERITIES, {
    message: `severity must be one of: ${INCIDENT_SEVERITIES.join(', ')}`,
  })
  severity!: IncidentSeverity;

  @IsString()
  @Length(3, 5000)
  description!: string;

  @IsOptional()
  @IsString()
  @Length(1, 5000)
  actionsTaken?: string;

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'clientIds must contain client ids' })
  clientIds: string[] = [];
}

export class CreateTurnawayDto {
  @IsUUID('all', { message: 'shelterId must be a shelter id' })
  shelterId!: string;

  @IsOptional()
  @IsISO8601(WHEN, { message: 'occurredAt must be an ISO 8601 date and time' })
  occurredAt?: string;

  @IsIn(TURNAWAY_REASONS, { message: `reason must be one of: ${TURNAWAY_REASONS.join(', ')}` })
  reason!: TurnawayReason;

  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  referredTo?: string;

  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string;
}

/** A period, both ends included; the dates are Montreal calendar days. */
export class PeriodQuery {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date written YYYY-MM-DD' })
  @IsISO8601(WHEN, { message: 'from must be a real calendar date' })
  from!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date written YYYY-MM-DD' })
  @IsISO8601(WHEN, { message: 'to must be a real calendar date' })
  to!: string;
}
