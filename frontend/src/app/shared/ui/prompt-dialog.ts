import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

export interface PromptData {
  /** Translation keys. */
  title: string;
  label: string;
  confirm: string;
  minLength: number;
  maxLength: number;
  params?: Record<string, unknown>;
  /** The text the field starts with, e.g. the name being changed. */
  initial?: string;
}

/** Asks for one line of text (a name, a reason); closes with it, trimmed, or nothing. */
@Component({
  selector: 'aci-prompt-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title | transloco: data.params }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mat-form-field style="width: 100%">
          <mat-label>{{ data.label | transloco }}</mat-label>
          <input matInput [formControl]="value" autocomplete="off" cdkFocusInitial />
          <mat-error>{{
            'validation.lengthBetween' | transloco: { min: data.minLength, max: data.maxLength }
          }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit">{{ data.confirm | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class PromptDialog {
  protected readonly data = inject<PromptData>(MAT_DIALOG_DATA);
  private readonly dialog = inject(MatDialogRef<PromptDialog, string>);

  protected readonly value = new FormControl(this.data.initial ?? '', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.minLength(this.data.minLength),
      Validators.maxLength(this.data.maxLength),
    ],
  });

  // A form group of its own: without one, ngSubmit never fires and the browser submits the
  // page instead.
  protected readonly form = new FormGroup({ value: this.value });

  protected submit(): void {
    if (this.value.invalid) {
      this.value.markAsTouched();

      return;
    }
    this.dialog.close(this.value.value.trim());
  }
}
