import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  ClientIncidentView,
  IncidentSeverity,
  IncidentType,
  IncidentView,
  TurnawayReason,
  TurnawayView,
} from '@acimtl/contracts';

export interface IncidentInput {
  shelterId: string;
  occurredAt: string;
  type: IncidentType;
  severity: IncidentSeverity;
  description: string;
  actionsTaken?: string;
  clientIds?: string[];
}

export interface TurnawayInput {
  shelterId: string;
  reason: TurnawayReason;
  referredTo?: string;
  notes?: string;
}

/** Incidents and turnaways, recorded and listed per shelter. */
@Injectable({ providedIn: 'root' })
export class IncidentsApi {
  private readonly http = inject(HttpClient);

  incidents(shelterId: string, from: string, to: string): Observable<IncidentView[]> {
    const params = new HttpParams().set('from', from).set('to', to);

    return this.http.get<IncidentView[]>(`/api/shelters/${shelterId}/incidents`, { params });
  }

  /** The incidents a client was involved in, newest first. */
  forClient(clientId: string): Observable<ClientIncidentView[]> {
    return this.http.get<ClientIncidentView[]>(`/api/clients/${clientId}/incidents`);
  }

  turnaways(shelterId: string, from: string, to: string): Observable<TurnawayView[]> {
    const params = new HttpParams().set('from', from).set('to', to);

    return this.http.get<TurnawayView[]>(`/api/shelters/${shelterId}/turnaways`, { params });
  }

  recordIncident(input: IncidentInput): Observable<IncidentView> {
    return this.http.post<IncidentView>('/api/incidents', input);
  }

  recordTurnaway(input: TurnawayInput): Observable<TurnawayView> {
    return this.http.post<TurnawayView>('/api/turnaways', input);
  }
}
