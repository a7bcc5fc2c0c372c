import { IsIn } from 'class-validator';
import { type Locale, LOCALES } from '@acimtl/contracts';

export class UpdateMeDto {
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale!: Locale;
}
