import { DOCUMENT } from '@angular/common';
import {
  HttpClient,
  HttpErrorResponse,
  HttpEventType,
  type HttpEvent,
  HttpXhrBackend,
} from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { firstValueFrom, type Observable } from 'rxjs';
import type { DocumentCategory, DocumentView } from '@acimtl/contracts';
import { readCsrfToken } from '../../core/api/csrf.interceptor';
import { SessionStore } from '../../core/auth/session.store';

/** A file on its way up: how much of it has been sent. */
export interface UploadProgress {
  fileName: string;
  /** 0 to 100. */
  percent: number;
}

/** A client's documents: the list, uploads with their progress, and deletion. */
@Injectable()
export class DocumentsStore {
  private readonly http = inject(HttpClient);
  // Fetch cannot report upload progress; XHR can. Uploads happen only in the browser.
  private readonly xhr = new HttpClient(inject(HttpXhrBackend));
  private readonly document = inject(DOCUMENT);
  private readonly session = inject(SessionStore);

  readonly clientId = signal<string | null>(null);
  readonly upload = signal<UploadProgress | null>(null);

  // Asked for again after each change; never from the server-rendered copy then (see
  // transferCacheInterceptor).
  readonly documents = rxResource({
    params: () => this.clientId() ?? undefined,
    stream: ({ params }) => this.http.get<DocumentView[]>(`/api/clients/${params}/documents`),
  });

  /** Sends a file, updating `upload` as it goes; refreshes the session once if it expired. */
  async send(file: File, category: DocumentCategory, note: string): Promise<DocumentView> {
    const clientId = this.clientId();
    if (!clientId) {
      throw new Error('No client is loaded.');
    }
    this.upload.set({ fileName: file.name, percent: 0 });
    try {
      const document = await this.post(clientId, file, category, note).catch(async (error) => {
        if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
          throw error;
        }
        await firstValueFrom(this.session.refresh());

        return this.post(clientId, file, category, note);
      });
      this.documents.reload();

      return document;
    } finally {
      this.upload.set(null);
    }
  }

  async remove(documentId: string): Promise<void> {
    await firstValueFrom(this.http.delete(`/api/documents/${documentId}`));
    this.documents.reload();
  }

  private post(
    clientId: string,
    file: File,
    category: DocumentCategory,
    note: string,
  ): Promise<DocumentView> {
    // The API reads the fields before the file: their order matters.
    const body = new FormData();
    body.append('category', category);
    if (note) {
      body.append('note', note);
    }
    body.append('file', file, file.name);
    const csrf = readCsrfToken(this.document.cookie);

    const events: Observable<HttpEvent<DocumentView>> = this.xhr.post<DocumentView>(
      `/api/clients/${clientId}/documents`,
      body,
      {
        reportProgress: true,
        observe: 'events',
        headers: csrf ? { 'x-csrf-token': csrf } : {},
      },
    );

    return new Promise((resolve, reject) => {
      events.subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            const percent = Math.round((100 * event.loaded) / event.total);
            this.upload.set({ fileName: file.name, percent });
          } else if (event.type === HttpEventType.Response && event.body) {
            resolve(event.body);
          }
        },
        error: reject,
      });
    });
  }
}
