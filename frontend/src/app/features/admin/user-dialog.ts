import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  type Locale,
  LOCALES,
  type ShelterView,
  USER_ROLES,
  type UserRole,
  type UserSummary,
} from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { errorKeyOf, errorParamsOf, markServerErrors } from '../../shared/ui/field-errors';
import { UsersApi } from './users.api';

export interface UserDialogData {
  /** The user to change; absent to invite a new one. */
  user?: UserSummary;
  shelters: ShelterView[];
}

/** Invites a user, or changes one's role, shelters and language; shows a local temporary password. */
@Component({
  selector: 'aci-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../board/dialog.scss',
  template: `
    <h2 mat-dialog-title>
      {{ (data.user ? 'users.editTitle' : 'users.inviteTitle') | transloco }}
    </h2>
    @if (temporaryPassword(); as password) {
      <mat-dialog-content>
        <p class="notice" role="status">
          {{ 'users.invited' | transloco: { email: form.controls.email.value } }}
        </p>
        <p>{{ 'users.temporaryPassword' | transloco }}</p>
        <p>
          <code class="password" data-testid="temporary-password">{{ password }}</code>
        </p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="true">
          {{ 'common.close' | transloco }}
        </button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content>
          <mat-form-field class="wide">
            <mat-label>{{ 'auth.email' | transloco }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="off" />
            <mat-error>{{ errorKey(form.controls.email) | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'client.givenName' | transloco }}</mat-label>
            <input matInput formControlName="givenName" autocomplete="off" />
            <mat-error>{{
              errorKey(form.controls.givenName) | transloco: errorParams(form.controls.givenName)
            }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'client.familyName' | transloco }}</mat-label>
            <input matInput formControlName="familyName" autocomplete="off" />
            <mat-error>{{
              errorKey(form.controls.familyName) | transloco: errorParams(form.controls.familyName)
            }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'users.role' | transloco }}</mat-label>
            <mat-select formControlName="role">
              @for (role of roles; track role) {
                <mat-option [value]="role">{{ 'users.roles.' + role | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'users.shelters' | transloco }}</mat-label>
            <mat-select formControlName="shelterIds" multiple>
              @for (shelter of data.shelters; track shelter.id) {
                <mat-option [value]="shelter.id">{{ shelter.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'users.sheltersHint' | transloco }}</mat-hint>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'users.language' | transloco }}</mat-label>
            <mat-select formControlName="locale">
              @for (locale of locales; track locale) {
                <mat-option [value]="locale">{{ 'language.' + locale | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (failure(); as failure) {
            <p class="failure" role="alert">{{ failure | transloco }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>
            {{ 'common.cancel' | transloco }}
          </button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ (data.user ? 'common.save' : 'users.invite') | transloco }}
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
})
export class UserDialog {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialogRef<UserDialog, boolean>);

  protected readonly roles = USER_ROLES;
  protected readonly locales = LOCALES;
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly temporaryPassword = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: [this.data.user?.email ?? '', [Validators.required, Validators.email]],
    givenName: [this.data.user?.givenName ?? '', [Validators.required, Validators.maxLength(100)]],
    familyName: [
      this.data.user?.familyName ?? '',
      [Validators.required, Validators.maxLength(100)],
    ],
    role: [(this.data.user?.role ?? 'coordinator') as UserRole],
    shelterIds: [this.data.user?.shelters.map((shelter) => shelter.id) ?? ([] as string[])],
    locale: [(this.data.user?.locale ?? 'fr') as Locale],
  });

  constructor() {
    if (this.data.user) {
      this.form.controls.email.disable();
    }
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();

      return;
    }
    const { email, ...changes } = this.form.getRawValue();
    this.busy.set(true);
    this.failure.set(null);
    try {
      if (this.data.user) {
        await firstValueFrom(this.api.update(this.data.user.id, changes));
        this.dialog.close(true);

        return;
      }
      const invited = await firstValueFrom(this.api.invite({ email, ...changes }));
      if (invited.temporaryPassword) {
        this.temporaryPassword.set(invited.temporaryPassword);
      } else {
        this.dialog.close(true);
      }
    } catch (error) {
      const view = describeError(error);
      this.failure.set(view.key);
      markServerErrors(this.form.controls, view.fields);
    } finally {
      this.busy.set(false);
    }
  }
}
