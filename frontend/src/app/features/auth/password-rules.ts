import {
  type AbstractControl,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@acimtl/contracts';

/** The confirmation field must repeat the new password exactly. */
export const matchesPassword =
  (passwordField: string): ValidatorFn =>
  (control: AbstractControl): ValidationErrors | null => {
    const password = control.parent?.get(passwordField)?.value as string | undefined;

    return control.value === password ? null : { mismatch: true };
  };

/** The controls of a new password and its confirmation, for a nonNullable form group. */
export function newPasswordControls() {
  return {
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    confirm: ['', [Validators.required, matchesPassword('password')]],
  };
}
