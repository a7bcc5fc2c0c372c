import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_MEDIA_TYPES,
  type DocumentCategory,
  type DocumentView,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_NOTE_LENGTH,
} from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { LanguageService } from '../../core/i18n/language.service';
import { ConfirmDialog, type ConfirmData } from '../../shared/ui/confirm-dialog';
import { hydrated } from '../../shared/ui/hydrated';
import { LoadState } from '../../shared/ui/load-state';
import { DocumentsStore } from './documents.store';

/** A client's documents: drop or choose a file to upload, download, delete. */
@Component({
  selector: 'aci-client-documents',
  imports: [
    DatePipe,
    DecimalPipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    LoadState,
  ],
  providers: [DocumentsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './client-documents.scss',
  template: `
    <section class="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">{{ 'documents.title' | transloco }}</h2>

      <form [formGroup]="form" (ngSubmit)="upload()" novalidate>
        <div
          class="drop"
          [class.over]="dragging()"
          (dragover)="$event.preventDefault(); dragging.set(true)"
          (dragleave)="dragging.set(false)"
          (drop)="drop($event)"
          data-testid="drop-zone"
        >
          <p>{{ 'documents.drop' | transloco }}</p>
          <input
            #picker
            type="file"
            class="cdk-visually-hidden"
            [accept]="accept"
            (change)="choose(picker.files)"
            data-testid="file-input"
            tabindex="-1"
            aria-hidden="true"
          />
          <button mat-stroked-button type="button" [disabled]="!ready()" (click)="picker.click()">
            {{ 'documents.choose' | transloco }}
          </button>
          @if (file(); as file) {
            <p class="chosen" aria-live="polite">
              {{
                'documents.chosen'
                  | transloco
                    : { name: file.name, size: (file.size / 1024 | number: '1.0-0' : locale()) }
              }}
            </p>
          }
        </div>
        <div class="fields">
          <mat-form-field>
            <mat-label>{{ 'documents.category' | transloco }}</mat-label>
            <mat-select formControlName="category">
              @for (category of categories; track category) {
                <mat-option [value]="category">{{
                  'documents.categories.' + category | transloco
                }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ 'validation.required' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field class="note">
            <mat-label>{{ 'documents.note' | transloco }}</mat-label>
            <input matInput formControlName="note" autocomplete="off" />
            <mat-error>{{ 'validation.maxLength' | transloco: { length: maxNote } }}</mat-error>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="!ready() || store.upload() !== null">
            {{ 'documents.upload' | transloco }}
          </button>
        </div>
        @if (store.upload(); as upload) {
          <div role="status">
            <p>
              {{
                'documents.uploading'
                  | transloco: { name: upload.fileName, percent: upload.percent }
              }}
            </p>
            <mat-progress-bar
              mode="determinate"
              [value]="upload.percent"
              [attr.aria-label]="'documents.progress' | transloco"
            />
          </div>
        }
        @if (failure(); as failure) {
          <p class="failure" role="alert">{{ failure | transloco: { max: maxMegabytes } }}</p>
        }
      </form>

      @if (store.documents.hasValue() && store.documents.value(); as documents) {
        @if (documents.length > 0) {
          <table>
            <thead>
              <tr>
                <th scope="col">{{ 'documents.file' | transloco }}</th>
                <th scope="col">{{ 'documents.category' | transloco }}</th>
                <th scope="col">{{ 'documents.uploaded' | transloco }}</th>
                <th scope="col">
                  <span class="cdk-visually-hidden">{{ 'common.actions' | transloco }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (document of documents; track document.id) {
                <tr data-testid="document-row">
                  <td>
                    {{ document.fileName }}
                    <span class="meta"
                      >{{ document.sizeBytes / 1024 | number: '1.0-0' : locale() }} kB</span
                    >
                    @if (document.note) {
                      <span class="meta">{{ document.note }}</span>
                    }
                  </td>
                  <td>{{ 'documents.categories.' + document.category | transloco }}</td>
                  <td>
                    {{ document.uploadedAt | date: 'short' : undefined : locale() }}
                    <span class="meta">{{ document.uploadedBy.name }}</span>
                  </td>
                  <td class="actions">
                    <a mat-button [href]="'/api/documents/' + document.id + '/download'" download>
                      {{ 'documents.download' | transloco }}
                      <span class="cdk-visually-hidden">{{ document.fileName }}</span>
                    </a>
                    <button mat-button type="button" class="danger" (click)="remove(document)">
                      {{ 'common.delete' | transloco }}
                      <span class="cdk-visually-hidden">{{ document.fileName }}</span>
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <aci-load-state [empty]="true" emptyKey="documents.none" />
        }
      } @else {
        <aci-load-state
          [loading]="store.documents.isLoading()"
          [error]="store.documents.error()"
          (retry)="store.documents.reload()"
        />
      }
    </section>
  `,
})
export class ClientDocuments {
  protected readonly store = inject(DocumentsStore);
  private readonly dialogs = inject(MatDialog);
  protected readonly locale = inject(LanguageService).current;

  /** The client whose documents these are. */
  readonly clientId = input.required<string>();

  protected readonly categories = DOCUMENT_CATEGORIES;
  protected readonly accept = DOCUMENT_MEDIA_TYPES.join(',');
  protected readonly maxNote = MAX_DOCUMENT_NOTE_LENGTH;
  protected readonly maxMegabytes = MAX_DOCUMENT_BYTES / (1024 * 1024);
  protected readonly ready = hydrated();
  protected readonly file = signal<File | null>(null);
  protected readonly dragging = signal(false);
  protected readonly failure = signal<string | null>(null);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    category: ['' as DocumentCategory | '', Validators.required],
    note: ['', Validators.maxLength(MAX_DOCUMENT_NOTE_LENGTH)],
  });

  constructor() {
    effect(() => this.store.clientId.set(this.clientId()));
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.choose(event.dataTransfer?.files ?? null);
  }

  protected choose(files: FileList | null): void {
    const file = files?.item(0) ?? null;
    this.failure.set(null);
    if (file && file.size > MAX_DOCUMENT_BYTES) {
      this.failure.set('documents.tooLarge');

      return;
    }
    this.file.set(file);
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    const { category, note } = this.form.getRawValue();
    if (!file) {
      this.failure.set('documents.noFile');
    }
    if (!file || this.form.invalid || !category) {
      this.form.markAllAsTouched();

      return;
    }
    this.failure.set(null);
    try {
      await this.store.send(file, category, note.trim());
      this.file.set(null);
      // Resetting through the directive also forgets the submission, so no error shows.
      this.formDirective().resetForm({ category: '', note: '' });
    } catch (error) {
      this.failure.set(describeError(error).key);
    }
  }

  protected async remove(document: DocumentView): Promise<void> {
    const data: ConfirmData = {
      title: 'documents.deleteTitle',
      message: 'documents.deleteMessage',
      confirm: 'common.delete',
      params: { name: document.fileName },
    };
    const confirmed = await firstValueFrom(
      this.dialogs.open(ConfirmDialog, { data }).afterClosed(),
    );
    if (confirmed !== true) {
      return;
    }
    try {
      await this.store.remove(document.id);
    } catch (error) {
      this.failure.set(describeError(error).key);
    }
  }
}
