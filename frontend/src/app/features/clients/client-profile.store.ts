import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { firstValueFrom, of } from 'rxjs';
import type { AccessLogEntry, ClientView } from '@acimtl/contracts';
import { type ClientInput, FrontDeskApi } from '../../core/data/front-desk.api';
import { IncidentsApi } from '../incidents/incidents.api';

/**
 * One client's record: identity, stays, restrictions, incidents and, for admins, who looked
 * at it.
 */
@Injectable()
export class ClientProfileStore {
  private readonly api = inject(FrontDeskApi);
  private readonly http = inject(HttpClient);
  private readonly incidentsApi = inject(IncidentsApi);

  readonly clientId = signal<string | null>(null);
  readonly withAccessLog = signal(false);

  private readonly id = computed(() => this.clientId() ?? undefined);

  readonly client = rxResource({
    params: this.id,
    stream: ({ params }) => this.api.client(params),
  });
  readonly stays = rxResource({
    params: this.id,
    stream: ({ params }) => this.api.staysOf(params),
  });
  readonly restrictions = rxResource({
    params: this.id,
    stream: ({ params }) => this.api.restrictions(params),
  });
  readonly incidents = rxResource({
    params: this.id,
    stream: ({ params }) => this.incidentsApi.forClient(params),
  });
  readonly accessLog = rxResource({
    params: () => (this.withAccessLog() ? this.id() : undefined),
    stream: ({ params }) =>
      params
        ? this.http.get<AccessLogEntry[]>(`/api/clients/${params}/access-log`)
        : of([] as AccessLogEntry[]),
  });

  async update(input: Partial<ClientInput>): Promise<ClientView> {
    const id = this.clientId();
    if (!id) {
      throw new Error('No client is loaded.');
    }
    const client = await firstValueFrom(this.api.updateClient(id, input));
    this.client.set(client);

    return client;
  }
}
