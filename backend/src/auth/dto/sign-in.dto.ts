import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import {
  MFA_CODE_PATTERN,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type TokenDelivery,
} from '@acimtl/contracts';

const NEW_PASSWORD_RULE = {
  message: `newPassword must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
};

export const normalizeEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class SignInDto {
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @Length(1, 256)
  password!: string;

  /** Browsers get cookies; a script may ask for the tokens in the body instead. */
  @IsOptional()
  @IsIn(['cookie', 'body'])
  tokenDelivery?: TokenDelivery;
}

/** A step of a sign-in after the password: whose it is, and the session Cognito gave it. */
class SignInStepDto {
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  /** The challenge session, for scripts; browsers carry it in a cookie. */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  session?: string;

  @IsOptional()
  @IsIn(['cookie', 'body'])
  tokenDelivery?: TokenDelivery;
}

export class NewPasswordDto extends SignInStepDto {
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, NEW_PASSWORD_RULE)
  newPassword!: string;
}

/** `POST /api/auth/mfa-code` and `POST /api/auth/mfa-setup`: the authenticator app's code. */
export class MfaCodeDto extends SignInStepDto {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\s/g, '') : value,
  )
  @IsString()
  @Matches(MFA_CODE_PATTERN, { message: 'code must be the 6 digits the authenticator app shows' })
  code!: string;
}

export class RefreshDto {
  /** For scripts; browsers send the refresh cookie. */
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  refreshToken?: string;
}

export class ForgotPasswordDto {
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto {
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @Length(4, 12)
  code!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, NEW_PASSWORD_RULE)
  newPassword!: string;
}
