import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { BedKind, BedView, Population, RoomView, ShelterView } from '@acimtl/contracts';

export type ShelterDetail = ShelterView & { rooms: RoomView[] };

export interface ShelterInput {
  name: string;
  street: string;
  city: string;
  postalCode: string;
  phone: string;
  populations: Population[];
  acceptsCouples: boolean;
  acceptsPets: boolean;
  accessible: boolean;
  intakeHours?: string;
  active?: boolean;
}

export interface BedChange {
  label?: string;
  kind?: BedKind;
  accessible?: boolean;
  lowerBunk?: boolean;
  outOfService?: boolean;
  outOfServiceReason?: string;
  active?: boolean;
}

/** The administration's calls about the shelter registry. */
@Injectable({ providedIn: 'root' })
export class SheltersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ShelterView[]> {
    const params = new HttpParams().set('includeInactive', true);

    return this.http.get<ShelterView[]>('/api/shelters', { params });
  }

  get(id: string): Observable<ShelterDetail> {
    return this.http.get<ShelterDetail>(`/api/shelters/${id}`);
  }

  create(input: ShelterInput): Observable<ShelterView> {
    return this.http.post<ShelterView>('/api/shelters', input);
  }

  update(id: string, input: Partial<ShelterInput>): Observable<ShelterView> {
    return this.http.patch<ShelterView>(`/api/shelters/${id}`, input);
  }

  addRoom(shelterId: string, name: string): Observable<RoomView> {
    return this.http.post<RoomView>(`/api/shelters/${shelterId}/rooms`, { name });
  }

  updateRoom(shelterId: string, roomId: string, change: { name?: string; active?: boolean }) {
    return this.http.patch<RoomView>(`/api/shelters/${shelterId}/rooms/${roomId}`, change);
  }

  addBed(shelterId: string, roomId: string, label: string, kind: BedKind): Observable<BedView> {
    return this.http.post<BedView>(`/api/shelters/${shelterId}/rooms/${roomId}/beds`, {
      label,
      kind,
    });
  }

  updateBed(shelterId: string, bedId: string, change: BedChange): Observable<BedView> {
    return this.http.patch<BedView>(`/api/shelters/${shelterId}/beds/${bedId}`, change);
  }
}
