import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** The confirmation field must repeat the new password exactly. */
export const matchesPassword =
  (passwordField: string): ValidatorFn =>
  (control: AbstractControl): ValidationErrors | null => {
    const password = control.parent?.get(passwordField)?.value as string | undefined;

    return control.value === password ? null : { mismatch: true };
  };
