import type { BirthDateQuality, ExitReason } from './clients.js';
import type { Locale } from './locale.js';
import type { BedKind, BedStatus, Population } from './shelters.js';

export interface ShelterView {
  id: string;
  name: string;
  street: string;
  city: string;
  postalCode: string;
  phone: string;
  populations: Population[];
  acceptsCouples: boolean;
  acceptsPets: boolean;
  accessible: boolean;
  intakeHours: string | null;
  active: boolean;
}

export interface RoomView {
  id: string;
  name: string;
  active: boolean;
  beds: BedView[];
}

export interface BedView {
  id: string;
  label: string;
  kind: BedKind;
  accessible: boolean;
  lowerBunk: boolean;
  outOfService: boolean;
  outOfServiceReason: string | null;
  active: boolean;
}

export interface BedCounts {
  available: number;
  held: number;
  occupied: number;
  outOfService: number;
}

/** `GET /api/availability`: tonight across the city, for any signed-in person. */
export interface Availability {
  generatedAt: string;
  shelters: (Pick<
    ShelterView,
    'id' | 'name' | 'phone' | 'populations' | 'acceptsCouples' | 'acceptsPets' | 'accessible'
  > & { counts: BedCounts; lastChangeAt: string })[];
  /** Free beds by the population a shelter serves; a shelter serving two counts in both. */
  byPopulation: Record<Population, BedCounts>;
}

/** `GET /api/shelters/:id/board`: every bed of a shelter, for its members. */
export interface Board {
  shelter: { id: string; name: string };
  generatedAt: string;
  rooms: {
    id: string;
    name: string;
    beds: {
      id: string;
      label: string;
      kind: BedKind;
      accessible: boolean;
      lowerBunk: boolean;
      status: BedStatus;
      outOfServiceReason: string | null;
      stay: { id: string; clientId: string; displayName: string; checkedInAt: string } | null;
      hold: {
        id: string;
        expiresAt: string;
        clientId: string | null;
        displayName: string | null;
      } | null;
    }[];
  }[];
}

/** A client's full record, for those allowed to see it. */
export interface ClientView {
  id: string;
  givenName: string;
  familyName: string;
  alias: string | null;
  birthDate: string | null;
  birthDateQuality: BirthDateQuality;
  gender: string | null;
  preferredLanguage: Locale | null;
  registeredAt: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A search result. `full` results carry the record's name and alias; `limited` ones only what
 * avoids creating a duplicate: name, year of birth and id.
 */
export interface ClientMatch {
  id: string;
  givenName: string;
  familyName: string;
  alias: string | null;
  birthYear: number | null;
  similarity: number;
  access: 'full' | 'limited';
}

export interface StayView {
  id: string;
  clientId: string;
  clientName: string;
  shelterId: string;
  bedId: string;
  bedLabel: string;
  checkedInAt: string;
  checkedInBy: string;
  expectedCheckOutAt: string | null;
  checkedOutAt: string | null;
  checkedOutBy: string | null;
  exitReason: ExitReason | null;
  destination: string | null;
  restrictionOverride: string | null;
}

export interface HoldView {
  id: string;
  bedId: string;
  shelterId: string;
  clientId: string | null;
  referralName: string | null;
  expiresAt: string;
  releasedAt: string | null;
}

export const RESTRICTION_CATEGORIES = [
  'violence',
  'threats',
  'substance-use-on-site',
  'theft',
  'property-damage',
  'rules-violation',
  'other',
] as const;
export type RestrictionCategory = (typeof RESTRICTION_CATEGORIES)[number];

export interface RestrictionView {
  id: string;
  clientId: string;
  /** Null: barred from every shelter. */
  shelterId: string | null;
  category: RestrictionCategory;
  description: string;
  startsOn: string;
  endsOn: string;
  createdBy: string;
  createdAt: string;
  liftedAt: string | null;
  liftReason: string | null;
  active: boolean;
}

export const INCIDENT_TYPES = [
  'violence',
  'medical',
  'overdose',
  'theft',
  'property-damage',
  'police',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const TURNAWAY_REASONS = ['no-bed', 'not-eligible', 'restriction', 'other'] as const;
export type TurnawayReason = (typeof TURNAWAY_REASONS)[number];

/** A person involved in an incident, named as a search names them. */
export interface IncidentClient {
  id: string;
  name: string;
}

export interface IncidentView {
  id: string;
  shelterId: string;
  occurredAt: string;
  type: IncidentType;
  severity: IncidentSeverity;
  description: string;
  actionsTaken: string | null;
  clientIds: string[];
  /** The same people as `clientIds`, with their names, in name order. */
  involved: IncidentClient[];
  reportedBy: string;
}

/** `GET /api/clients/:id/incidents`: an incident the client was involved in, and where. */
export interface ClientIncidentView extends IncidentView {
  shelterName: string;
}

/** How many of a client's incidents `GET /api/clients/:id/incidents` returns at most. */
export const CLIENT_INCIDENTS_LIMIT = 100;

export interface TurnawayView {
  id: string;
  shelterId: string;
  occurredAt: string;
  reason: TurnawayReason;
  clientId: string | null;
  referredTo: string | null;
  notes: string | null;
  recordedBy: string;
}

export interface OccupancyNight {
  night: string;
  bedsInService: number;
  occupied: number;
  held: number;
  turnaways: number;
  occupancyRate: number;
}

export interface OccupancyReport {
  from: string;
  to: string;
  shelterId: string | null;
  nights: OccupancyNight[];
}

export interface AccessLogEntry {
  id: string;
  occurredAt: string;
  action: string;
  actor: { id: string; name: string } | null;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  clientAddress: string | null;
}

/** `GET /api/clients?q=`: a page of matches, best first; `hasMore` when another page exists. */
export interface ClientSearchPage {
  items: ClientMatch[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}
