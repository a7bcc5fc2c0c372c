import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  Board,
  BirthDateQuality,
  ClientSearchPage,
  ClientView,
  ExitReason,
  HoldView,
  Locale,
  RestrictionView,
  StayView,
} from '@acimtl/contracts';

/** What the intake form sends to create or correct a client's record. */
export interface ClientInput {
  givenName: string;
  familyName: string;
  alias?: string;
  birthDate?: string;
  birthDateQuality?: BirthDateQuality;
  gender?: string;
  preferredLanguage?: Locale;
  shelterId?: string;
}

export interface CheckInInput {
  clientId: string;
  bedId: string;
  restrictionOverride?: string;
  /** A referral's hold on the bed, taken by this check-in. */
  holdId?: string;
}

export interface HoldInput {
  bedId: string;
  clientId?: string;
  referralName?: string;
  minutes?: number;
}

/** The front desk's calls to the API: boards, clients, stays, holds and restrictions. */
@Injectable({ providedIn: 'root' })
export class FrontDeskApi {
  private readonly http = inject(HttpClient);

  board(shelterId: string): Observable<Board> {
    return this.http.get<Board>(`/api/shelters/${shelterId}/board`);
  }

  searchClients(q: string, page = 1): Observable<ClientSearchPage> {
    const params = new HttpParams().set('q', q).set('page', page).set('pageSize', 20);

    return this.http.get<ClientSearchPage>('/api/clients', { params });
  }

  client(clientId: string): Observable<ClientView> {
    return this.http.get<ClientView>(`/api/clients/${clientId}`);
  }

  createClient(input: ClientInput): Observable<ClientView> {
    return this.http.post<ClientView>('/api/clients', input);
  }

  updateClient(clientId: string, input: Partial<ClientInput>): Observable<ClientView> {
    return this.http.patch<ClientView>(`/api/clients/${clientId}`, input);
  }

  restrictions(clientId: string): Observable<RestrictionView[]> {
    return this.http.get<RestrictionView[]>(`/api/clients/${clientId}/restrictions`);
  }

  staysOf(clientId: string): Observable<StayView[]> {
    return this.http.get<StayView[]>(`/api/clients/${clientId}/stays`);
  }

  checkIn(input: CheckInInput): Observable<StayView> {
    return this.http.post<StayView>('/api/stays', input);
  }

  checkOut(stayId: string, exitReason: ExitReason, destination?: string): Observable<StayView> {
    return this.http.post<StayView>(`/api/stays/${stayId}/check-out`, {
      exitReason,
      ...(destination ? { destination } : {}),
    });
  }

  move(stayId: string, bedId: string): Observable<StayView> {
    return this.http.post<StayView>(`/api/stays/${stayId}/move`, { bedId });
  }

  hold(input: HoldInput): Observable<HoldView> {
    return this.http.post<HoldView>('/api/holds', input);
  }

  release(holdId: string): Observable<void> {
    return this.http.delete<void>(`/api/holds/${holdId}`);
  }
}
