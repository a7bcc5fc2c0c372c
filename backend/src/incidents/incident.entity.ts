import { defineEntity, p } from '@mikro-orm/core';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES, TURNAWAY_REASONS } from '@acimtl/contracts';
import { createdAt, uuidPrimaryKey } from '../database/columns.js';
import { Client } from '../clients/client.entity.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';

const IncidentSchema = defineEntity({
  name: 'Incident',
  tableName: 'incidents',
  indexes: [{ properties: ['shelter', 'occurredAt'] }],
  properties: {
    id: uuidPrimaryKey(),
    shelter: () => p.manyToOne(Shelter).deleteRule('restrict'),
    occurredAt: p.datetime(),
    type: p.enum(INCIDENT_TYPES),
    severity: p.enum(INCIDENT_SEVERITIES),
    description: p.text(),
    actionsTaken: p.text().nullable(),
    clients: () => p.manyToMany(Client).pivotTable('incident_clients'),
    reportedBy: () => p.manyToOne(User).deleteRule('restrict'),
    createdAt: createdAt(),
  },
});

export class Incident extends IncidentSchema.class {}
IncidentSchema.setClass(Incident);

const TurnawaySchema = defineEntity({
  name: 'Turnaway',
  tableName: 'turnaways',
  indexes: [{ properties: ['shelter', 'occurredAt'] }],
  properties: {
    id: uuidPrimaryKey(),
    shelter: () => p.manyToOne(Shelter).deleteRule('restrict'),
    occurredAt: p.datetime(),
    reason: p.enum(TURNAWAY_REASONS),
    client: () => p.manyToOne(Client).deleteRule('restrict').nullable(),
    referredTo: p.string().length(200).nullable(),
    notes: p.text().nullable(),
    recordedBy: () => p.manyToOne(User).deleteRule('restrict'),
    createdAt: createdAt(),
  },
});

export class Turnaway extends TurnawaySchema.class {}
TurnawaySchema.setClass(Turnaway);
