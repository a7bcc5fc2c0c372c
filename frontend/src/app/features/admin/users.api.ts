import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  InviteResponse,
  Locale,
  Page,
  ShelterView,
  UserDetail,
  UserRole,
  UserStatus,
  UserSummary,
} from '@acimtl/contracts';

export interface UserInput {
  email: string;
  givenName: string;
  familyName: string;
  role: UserRole;
  shelterIds: string[];
  locale: Locale;
}

/** The administration's calls about users. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(q: string, status: UserStatus | '', page: number): Observable<Page<UserSummary>> {
    let params = new HttpParams().set('page', page).set('pageSize', 25);
    if (q) {
      params = params.set('q', q);
    }
    if (status) {
      params = params.set('status', status);
    }

    return this.http.get<Page<UserSummary>>('/api/users', { params });
  }

  shelters(): Observable<ShelterView[]> {
    return this.http.get<ShelterView[]>('/api/shelters');
  }

  invite(input: UserInput): Observable<InviteResponse> {
    return this.http.post<InviteResponse>('/api/users', input);
  }

  update(id: string, input: Omit<UserInput, 'email'>): Observable<UserDetail> {
    return this.http.patch<UserDetail>(`/api/users/${id}`, input);
  }

  disable(id: string): Observable<UserDetail> {
    return this.http.post<UserDetail>(`/api/users/${id}/disable`, {});
  }

  enable(id: string): Observable<UserDetail> {
    return this.http.post<UserDetail>(`/api/users/${id}/enable`, {});
  }

  resendInvitation(id: string): Observable<{ temporaryPassword?: string }> {
    return this.http.post<{ temporaryPassword?: string }>(`/api/users/${id}/resend-invite`, {});
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/users/${id}`);
  }
}
