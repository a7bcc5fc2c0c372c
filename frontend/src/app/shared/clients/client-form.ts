import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { BIRTH_DATE_QUALITIES, type ClientView, LOCALES } from '@acimtl/contracts';
import type { ClientInput } from '../../core/data/front-desk.api';
import { errorKeyOf, errorParamsOf, markServerErrors } from '../ui/field-errors';

const NAME = /^[^<>]+$/;

/** A client's identity, to create a record or correct one. Knows nothing of the API. */
@Component({
  selector: 'aci-client-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0 1rem;
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
    }
  `,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field>
        <mat-label>{{ 'client.givenName' | transloco }}</mat-label>
        <input matInput formControlName="givenName" autocomplete="off" />
        <mat-error>{{
          errorKey(form.controls.givenName) | transloco: errorParams(form.controls.givenName)
        }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'client.familyName' | transloco }}</mat-label>
        <input matInput formControlName="familyName" autocomplete="off" />
        <mat-error>{{
          errorKey(form.controls.familyName) | transloco: errorParams(form.controls.familyName)
        }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'client.alias' | transloco }}</mat-label>
        <input matInput formControlName="alias" autocomplete="off" />
        <mat-error>{{
          errorKey(form.controls.alias) | transloco: errorParams(form.controls.alias)
        }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'client.birthDate' | transloco }}</mat-label>
        <input matInput type="date" formControlName="birthDate" />
        <mat-error>{{ errorKey(form.controls.birthDate) | transloco }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'client.birthDateQuality' | transloco }}</mat-label>
        <mat-select formControlName="birthDateQuality">
          @for (quality of qualities; track quality) {
            <mat-option [value]="quality">{{ 'client.quality.' + quality | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'client.gender' | transloco }}</mat-label>
        <input matInput formControlName="gender" autocomplete="off" />
        <mat-hint>{{ 'client.genderHint' | transloco }}</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'client.preferredLanguage' | transloco }}</mat-label>
        <mat-select formControlName="preferredLanguage">
          <mat-option value="">{{ 'common.notSaid' | transloco }}</mat-option>
          @for (locale of locales; track locale) {
            <mat-option [value]="locale">{{ 'language.' + locale | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <div class="actions">
        <ng-content />
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ submitKey() | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class ClientForm {
  private readonly builder = inject(FormBuilder).nonNullable;

  /** The record to correct; empty to create one. */
  readonly initial = input<Partial<ClientView> | null>(null);

  /** Translation key of the submit button. */
  readonly submitKey = input('common.save');

  /** Whether the record is being saved. */
  readonly busy = input(false);

  /** Fields the API refused on the last attempt. */
  readonly refusedFields = input<string[]>([]);

  /** Emits the filled-in identity, valid. */
  readonly submitted = output<ClientInput>();

  protected readonly qualities = BIRTH_DATE_QUALITIES;
  protected readonly locales = LOCALES;
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;

  protected readonly form = this.builder.group({
    givenName: ['', [Validators.required, Validators.maxLength(100), Validators.pattern(NAME)]],
    familyName: ['', [Validators.required, Validators.maxLength(100), Validators.pattern(NAME)]],
    alias: ['', [Validators.maxLength(100), Validators.pattern(NAME)]],
    birthDate: [''],
    birthDateQuality: ['full' as ClientInput['birthDateQuality'] & string],
    gender: ['', Validators.maxLength(100)],
    preferredLanguage: ['' as '' | 'fr' | 'en'],
  });

  constructor() {
    effect(() => {
      const client = this.initial();
      if (client) {
        this.form.patchValue({
          givenName: client.givenName ?? '',
          familyName: client.familyName ?? '',
          alias: client.alias ?? '',
          birthDate: client.birthDate ?? '',
          birthDateQuality: client.birthDateQuality ?? 'full',
          gender: client.gender ?? '',
          preferredLanguage: client.preferredLanguage ?? '',
        });
      }
    });
    effect(() => markServerErrors(this.form.controls, this.refusedFields()));
  }

  /** Fills the names, e.g. from what was searched for. */
  prefill(givenName: string, familyName: string): void {
    this.form.patchValue({ givenName, familyName });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();

      return;
    }
    const value = this.form.getRawValue();

    this.submitted.emit({
      givenName: value.givenName.trim(),
      familyName: value.familyName.trim(),
      ...(value.alias.trim() ? { alias: value.alias.trim() } : {}),
      ...(value.birthDate ? { birthDate: value.birthDate } : {}),
      birthDateQuality: value.birthDateQuality,
      ...(value.gender.trim() ? { gender: value.gender.trim() } : {}),
      ...(value.preferredLanguage ? { preferredLanguage: value.preferredLanguage } : {}),
    });
  }
}
