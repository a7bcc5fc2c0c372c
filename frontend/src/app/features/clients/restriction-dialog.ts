import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  RESTRICTION_CATEGORIES,
  type RestrictionCategory,
  type RestrictionView,
} from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { SessionStore } from '../../core/auth/session.store';
import { montrealDay } from '../../shared/format/montreal-date';
import { markServerErrors } from '../../shared/ui/field-errors';
import { ShelterChoices } from '../../shared/ui/shelter-choices';

/** Records a service restriction on a client: where, why, and for how long. */
@Component({
  selector: 'aci-restriction-dialog',
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
    <h2 mat-dialog-title>{{ 'restriction.newTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <mat-form-field class="wide">
          <mat-label>{{ 'restriction.where' | transloco }}</mat-label>
          <mat-select formControlName="shelterId">
            @if (isAdmin()) {
              <mat-option value="">{{ 'restriction.allShelters' | transloco }}</mat-option>
            }
            @for (shelter of choices.shelters(); track shelter.id) {
              <mat-option [value]="shelter.id">{{ shelter.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'restriction.categoryLabel' | transloco }}</mat-label>
          <mat-select formControlName="category">
            @for (category of categories; track category) {
              <mat-option [value]="category">
                {{ 'restriction.category.' + category | transloco }}
              </mat-option>
            }
          </mat-select>
          <mat-error>{{ 'validation.required' | transloco }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'restriction.description' | transloco }}</mat-label>
          <textarea matInput rows="3" formControlName="description"></textarea>
          <mat-error>{{ 'validation.lengthBetween' | transloco: { min: 3, max: 2000 } }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'period.from' | transloco }}</mat-label>
          <input matInput type="date" formControlName="startsOn" />
          <mat-error>{{ 'validation.required' | transloco }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'period.to' | transloco }}</mat-label>
          <input matInput type="date" formControlName="endsOn" />
          <mat-error>{{ 'validation.required' | transloco }}</mat-error>
        </mat-form-field>
        @if (failure(); as failure) {
          <p class="failure" role="alert">{{ failure | transloco }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RestrictionDialog {
  private readonly clientId = inject<string>(MAT_DIALOG_DATA);
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialogRef<RestrictionDialog, boolean>);
  protected readonly choices = inject(ShelterChoices);
  protected readonly isAdmin = inject(SessionStore).isAdmin;

  protected readonly categories = RESTRICTION_CATEGORIES;
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    shelterId: [this.choices.shelters()[0]?.id ?? ''],
    category: ['' as RestrictionCategory | '', Validators.required],
    description: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(2000)]],
    startsOn: [montrealDay(new Date()), Validators.required],
    endsOn: ['', Validators.required],
  });

  protected async save(): Promise<void> {
    const { shelterId, category, description, startsOn, endsOn } = this.form.getRawValue();
    if (this.form.invalid || !category) {
      this.form.markAllAsTouched();

      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(
        this.http.post<RestrictionView>(`/api/clients/${this.clientId}/restrictions`, {
          ...(shelterId ? { shelterId } : {}),
          category,
          description: description.trim(),
          startsOn,
          endsOn,
        }),
      );
      this.dialog.close(true);
    } catch (error) {
      const view = describeError(error);
      this.failure.set(view.key);
      markServerErrors(this.form.controls, view.fields);
    } finally {
      this.busy.set(false);
    }
  }
}
