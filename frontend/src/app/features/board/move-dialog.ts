import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { describeError } from '../../core/api/api-error';
import { FrontDeskApi } from '../../core/data/front-desk.api';
import type { BoardBed } from './board.store';

export interface MoveData {
  bed: BoardBed;
  freeBeds: { id: string; label: string; room: string }[];
}

/** Moves the person in a bed to a free bed of the same shelter. */
@Component({
  selector: 'aci-move-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dialog.scss',
  template: `
    <h2 mat-dialog-title>
      {{ 'move.title' | transloco: { name: data.bed.stay?.displayName, bed: data.bed.label } }}
    </h2>
    <mat-dialog-content>
      @if (data.freeBeds.length === 0) {
        <p class="notice">{{ 'move.noFreeBed' | transloco }}</p>
      } @else {
        <mat-form-field class="wide">
          <mat-label>{{ 'move.to' | transloco }}</mat-label>
          <mat-select [formControl]="target">
            @for (bed of data.freeBeds; track bed.id) {
              <mat-option [value]="bed.id">{{ bed.room }} — {{ bed.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ 'validation.required' | transloco }}</mat-error>
        </mat-form-field>
      }
      @if (failure(); as failure) {
        <p class="failure" role="alert">{{ failure | transloco }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      @if (data.freeBeds.length > 0) {
        <button mat-flat-button type="button" [disabled]="busy()" (click)="move()">
          {{ 'move.submit' | transloco }}
        </button>
      }
    </mat-dialog-actions>
  `,
})
export class MoveDialog {
  protected readonly data = inject<MoveData>(MAT_DIALOG_DATA);
  private readonly api = inject(FrontDeskApi);
  private readonly dialog = inject(MatDialogRef<MoveDialog, boolean>);

  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly target = new FormControl('', {
    nonNullable: true,
    validators: Validators.required,
  });

  protected async move(): Promise<void> {
    const stay = this.data.bed.stay;
    if (!stay || this.target.invalid) {
      this.target.markAsTouched();

      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.move(stay.id, this.target.value));
      this.dialog.close(true);
    } catch (error) {
      this.failure.set(describeError(error).key);
    } finally {
      this.busy.set(false);
    }
  }
}
