import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Like `Validators.required`, and refuses text that is only spaces as well. */
export function notBlank(control: AbstractControl): ValidationErrors | null {
  return typeof control.value === 'string' && control.value.trim() === ''
    ? { required: true }
    : null;
}

/** The translation key of a form control's first validation error, for `<mat-error>`. */
export function errorKeyOf(control: AbstractControl | null): string {
  const errors = control?.errors;
  if (!errors) {
    return '';
  }
  if (errors['server']) {
    return 'errors.fieldRefused';
  }
  if (errors['required']) {
    return 'validation.required';
  }
  if (errors['email']) {
    return 'validation.email';
  }
  if (errors['minlength']) {
    return 'validation.minLength';
  }
  if (errors['maxlength']) {
    return 'validation.maxLength';
  }
  if (errors['pattern']) {
    return 'validation.pattern';
  }

  return 'validation.invalid';
}

/** Parameters for the message of `errorKeyOf`. */
export function errorParamsOf(control: AbstractControl | null): Record<string, unknown> {
  const errors = control?.errors ?? {};
  const length = (errors['minlength'] ?? errors['maxlength']) as
    { requiredLength: number } | undefined;

  return { length: length?.requiredLength };
}

/** Marks the controls the API refused, so each shows the refusal next to itself. */
export function markServerErrors(
  controls: Record<string, AbstractControl>,
  fields: readonly string[],
): void {
  for (const field of fields) {
    const control = controls[field.split('.')[0]];
    control?.setErrors({ ...control.errors, server: true });
    control?.markAsTouched();
  }
}
