import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { of } from 'rxjs';
import type { ShelterRef, ShelterView } from '@acimtl/contracts';
import { SessionStore } from '../../core/auth/session.store';
import { valueOf } from '../data/value-of';

/** The shelters a person may pick in a form: their own, or every one for an admin. */
@Injectable({ providedIn: 'root' })
export class ShelterChoices {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  private readonly all = rxResource({
    params: () => (this.session.isAdmin() ? true : undefined),
    stream: ({ params }) => (params ? this.http.get<ShelterView[]>('/api/shelters') : of([])),
  });

  readonly shelters = computed<ShelterRef[]>(() =>
    this.session.isAdmin()
      ? (valueOf(this.all) ?? []).map(({ id, name }) => ({ id, name }))
      : (this.session.user()?.shelters ?? []),
  );
}
