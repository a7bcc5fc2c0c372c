import { inject, Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

/** The paginator's labels, in the interface language. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    this.transloco.langChanges$.subscribe(() => {
      this.itemsPerPageLabel = this.transloco.translate('paginator.itemsPerPage');
      this.nextPageLabel = this.transloco.translate('paginator.next');
      this.previousPageLabel = this.transloco.translate('paginator.previous');
      this.firstPageLabel = this.transloco.translate('paginator.first');
      this.lastPageLabel = this.transloco.translate('paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const from = length === 0 ? 0 : page * pageSize + 1;
    const to = Math.min(length, (page + 1) * pageSize);

    return this.transloco.translate('paginator.range', { from, to, length });
  };
}
