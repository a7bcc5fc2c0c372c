import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { BED_KINDS, type BedKind, POPULATIONS, type Population } from '@acimtl/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateShelterDto {
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  name!: string;

  @Transform(trim)
  @IsString()
  @Length(2, 200)
  street!: string;

  /** Montréal when not given. No default here: an update that does not name it keeps it. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  city?: string;

  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/, {
    message: 'postalCode must be a Canadian postal code',
  })
  postalCode!: string;

  @Transform(trim)
  @Matches(/^[\d\s()+.-]{7,30}$/, { message: 'phone must be a phone number' })
  phone!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(POPULATIONS, {
    each: true,
    message: `populations must be among: ${POPULATIONS.join(', ')}`,
  })
  populations!: Population[];

  @IsOptional()
  @IsBoolean()
  acceptsCouples?: boolean;

  @IsOptional()
  @IsBoolean()
  acceptsPets?: boolean;

  @IsOptional()
  @IsBoolean()
  accessible?: boolean;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  intakeHours?: string;
}

export class UpdateShelterDto extends PartialType(CreateShelterDto) {
  /** Deactivating hides the shelter from the boards; nothing is deleted. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateRoomDto {
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name!: string;
}

export class UpdateRoomDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateBedDto {
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  label!: string;

  @IsOptional()
  @IsIn(BED_KINDS, { message: `kind must be one of: ${BED_KINDS.join(', ')}` })
  kind?: BedKind;

  @IsOptional()
  @IsBoolean()
  accessible?: boolean;

  @IsOptional()
  @IsBoolean()
  lowerBunk?: boolean;
}

export class UpdateBedDto extends PartialType(CreateBedDto) {
  @IsOptional()
  @IsBoolean()
  outOfService?: boolean;

  /** Required when taking a bed out of service. */
  @ValidateIf((dto: UpdateBedDto) => dto.outOfService === true)
  @IsString()
  @Length(2, 500)
  outOfServiceReason?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ShelterParams {
  @IsUUID('all', { message: 'shelterId must be a shelter id' })
  shelterId!: string;
}

export class RoomParams extends ShelterParams {
  @IsUUID('all', { message: 'roomId must be a room id' })
  roomId!: string;
}

export class BedParams extends ShelterParams {
  @IsUUID('all', { message: 'bedId must be a bed id' })
  bedId!: string;
}
