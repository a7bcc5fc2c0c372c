import { Injectable, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { UserStatus } from '@acimtl/contracts';
import { UsersApi } from './users.api';

/** The administration's list of users, as searched and filtered. */
@Injectable()
export class UsersStore {
  private readonly api = inject(UsersApi);

  readonly q = signal('');
  readonly status = signal<UserStatus | ''>('');
  readonly page = signal(1);

  readonly users = rxResource({
    params: () => ({ q: this.q(), status: this.status(), page: this.page() }),
    stream: ({ params }) => this.api.list(params.q, params.status, params.page),
  });

  readonly shelters = rxResource({ stream: () => this.api.shelters() });
}
