import { AuditEvent } from '../audit/audit-event.entity.js';
import { RateLimitWindow } from '../auth/rate-limit.entity.js';
import { Client } from '../clients/client.entity.js';
import { ClientDocument } from '../documents/document.entity.js';
import { StoragePurge } from '../documents/storage-purge.entity.js';
import { Hold } from '../holds/hold.entity.js';
import { Incident, Turnaway } from '../incidents/incident.entity.js';
import { Restriction } from '../restrictions/restriction.entity.js';
import { Bed } from '../shelters/bed.entity.js';
import { Room } from '../shelters/room.entity.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { Stay } from '../stays/stay.entity.js';
import { User } from '../users/user.entity.js';

/** Every entity of the API, listed once: discovery never scans folders. */
export const ENTITIES = [
  Shelter,
  Room,
  Bed,
  User,
  Client,
  Stay,
  Hold,
  Restriction,
  Incident,
  Turnaway,
  ClientDocument,
  StoragePurge,
  AuditEvent,
  RateLimitWindow,
];
