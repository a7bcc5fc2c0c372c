import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserRole } from '@acimtl/contracts';
import { Client } from '../../clients/client.entity.js';
import { Bed } from '../../shelters/bed.entity.js';
import { Room } from '../../shelters/room.entity.js';
import { Shelter } from '../../shelters/shelter.entity.js';
import { Stay } from '../../stays/stay.entity.js';
import { User } from '../../users/user.entity.js';
import { DEMO_CLIENTS, DEMO_SHELTERS } from './demo-data.js';

/** A demo account whose Cognito identity already exists. */
export interface DemoAccount {
  sub: string;
  email: string;
  givenName: string;
  familyName: string;
  role: UserRole;
  /** Names of the demo shelters the account is a member of. */
  shelters: string[];
}

export interface DemoSeedResult {
  seeded: boolean;
  shelters: number;
  beds: number;
  clients: number;
  openStays: number;
}

/**
 * Fills an empty database with the demo platform. Does nothing when any shelter exists, so a
 * second start keeps whatever the demo users changed.
 */
export async function seedDemoData(
  em: EntityManager,
  accounts: DemoAccount[],
  now = new Date(),
): Promise<DemoSeedResult> {
  if ((await em.count(Shelter)) > 0) {
    return { seeded: false, shelters: 0, beds: 0, clients: 0, openStays: 0 };
  }

  return em.transactional(async (tx) => {
    const shelters = new Map<string, Shelter>();
    const bedsByShelter: Bed[][] = [];

    for (const demo of DEMO_SHELTERS) {
      const { rooms, ...fields } = demo;
      const shelter = tx.create(Shelter, { ...fields, city: 'Montréal' });
      const beds: Bed[] = [];

      for (const roomSpec of rooms) {
        const room = tx.create(Room, { shelter, name: roomSpec.name });

        for (let i = 1; i <= roomSpec.beds; i++) {
          const label = `${roomSpec.name.replace(/\s+/g, '-')}-${String(i).padStart(2, '0')}`;
          const accessible = i <= (roomSpec.accessibleBeds ?? 0);
          beds.push(
            tx.create(Bed, { shelter, room, label, kind: roomSpec.kind ?? 'bed', accessible }),
          );
        }
      }
      shelters.set(demo.name, shelter);
      bedsByShelter.push(beds);
    }

    // One bed of the first shelter is out of service, so every status shows on the boards.
    const broken = bedsByShelter[0][bedsByShelter[0].length - 1];
    broken.outOfService = true;
    broken.outOfServiceReason = 'Matelas à remplacer';

    const users = accounts.map((account) =>
      tx.create(User, {
        cognitoSub: account.sub,
        email: account.email,
        givenName: account.givenName,
        familyName: account.familyName,
        role: account.role,
        status: 'active',
        locale: 'fr',
        shelters: account.shelters.map((name) => shelters.get(name)!),
      }),
    );
    const admin = users.find((user) => user.role === 'admin') ?? users[0];

    let openStays = 0;
    const nextFreeBed = bedsByShelter.map(() => 0);
    for (const demo of DEMO_CLIENTS) {
      const { staysAt, birthDate, ...fields } = demo;
      // Registered where they first slept, as the front desk does when it creates a record.
      const client = tx.create(Client, {
        ...fields,
        birthDate: birthDate ?? null,
        registeredAt: staysAt === undefined ? null : bedsByShelter[staysAt][0].shelter,
        createdBy: admin,
      });

      if (staysAt !== undefined) {
        const bed = bedsByShelter[staysAt][nextFreeBed[staysAt]++];
        const checkedInAt = new Date(now.getTime() - (2 + openStays) * 60 * 60 * 1000);
        tx.create(Stay, { client, bed, shelter: bed.shelter, checkedInAt, checkedInBy: admin });
        openStays++;
      }
    }

    return {
      seeded: true,
      shelters: shelters.size,
      beds: bedsByShelter.flat().length,
      clients: DEMO_CLIENTS.length,
      openStays,
    };
  });
}
