import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MIN_LENGTH } from '@acimtl/contracts';
import { errorKeyOf, errorParamsOf } from '../../shared/ui/field-errors';

/** A new password and its confirmation, for the first sign-in and for a reset. */
@Component({
  selector: 'aci-new-password-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: contents; } mat-form-field { width: 100%; }',
  template: `
    <mat-form-field>
      <mat-label>{{ 'auth.newPassword.password' | transloco }}</mat-label>
      <input matInput type="password" [formControl]="password()" autocomplete="new-password" />
      <mat-hint>{{ 'auth.passwordHint' | transloco: { length: minLength } }}</mat-hint>
      <mat-error>
        {{ errorKey(password()) | transloco: errorParams(password()) }}
      </mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'auth.newPassword.confirm' | transloco }}</mat-label>
      <input matInput type="password" [formControl]="confirm()" autocomplete="new-password" />
      <mat-error>{{ 'validation.mismatch' | transloco }}</mat-error>
    </mat-form-field>
  `,
})
export class NewPasswordFields {
  /** The new password, validated by `newPasswordControls`. */
  readonly password = input.required<FormControl<string>>();

  /** Its confirmation, which must repeat it. */
  readonly confirm = input.required<FormControl<string>>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;
}
