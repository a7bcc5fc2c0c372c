import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { OccupancyNight, OccupancyReport } from '@acimtl/contracts';
import { type Actor, assertWorksAt } from '../auth/actor.js';
import { DomainError } from '../common/errors/domain.error.js';
import { assertPeriod } from '../incidents/incidents.service.js';

/**
 * Occupancy per night, derived from stays and holds. A night is counted at 23:00 in Montreal,
 * when the beds are taken for the night; its turnaways are those from noon to noon.
 */
@Injectable()
export class OccupancyService {
  constructor(private readonly em: EntityManager) {}

  async report(
    from: string,
    to: string,
    shelterId: string | undefined,
    actor: Actor,
  ): Promise<OccupancyReport> {
    assertPeriod(from, to);
    if (shelterId) {
      assertWorksAt(actor, shelterId, 'No shelter has this id.');
    } else if (actor.role !== 'admin') {
      throw new DomainError(
        'forbidden',
        'FORBIDDEN',
        'Only an administrator sees every shelter at once: pick a shelter.',
      );
    }

    const rows = await this.em.getConnection().execute<Omit<OccupancyNight, 'occupancyRate'>[]>(
      `with nights as (
         select d::date as night,
                ((d::date)::timestamp + time '23:00') at time zone 'America/Montreal' as at
           from generate_series(?::date, ?::date, interval '1 day') d
       ),
       scope as (select id from shelters where ?::uuid is null or id = ?::uuid)
       select to_char(n.night, 'YYYY-MM-DD') as night,
              (select count(*) from beds b
                where b.shelter_id in (select id from scope) and b.active
                  and not b.out_of_service and b.created_at <= n.at)::int as "bedsInService",
              (select count(*) from stays s
                where s.shelter_id in (select id from scope) and s.checked_in_at <= n.at
                  and (s.checked_out_at is null or s.checked_out_at > n.at))::int as occupied,
              (select count(*) from holds h
                where h.shelter_id in (select id from scope) and h.created_at <= n.at
                  and coalesce(h.released_at, h.expires_at) > n.at)::int as held,
              (select count(*) from turnaways t
                where t.shelter_id in (select id from scope)
                  and t.occurred_at >= n.at - interval '11 hours'
                  and t.occurred_at < n.at + interval '13 hours')::int as turnaways
         from nights n
        order by n.night`,
      [from, to, shelterId ?? null, shelterId ?? null],
    );

    return {
      from,
      to,
      shelterId: shelterId ?? null,
      nights: rows.map((row) => ({
        ...row,
        occupancyRate: row.bedsInService
          ? Math.round((row.occupied / row.bedsInService) * 1000) / 1000
          : 0,
      })),
    };
  }
}

/** The report as CSV, one night per line, for spreadsheets. */
export function toCsv(report: OccupancyReport): string {
  const header = 'night,beds_in_service,occupied,held,turnaways,occupancy_rate';
  const lines = report.nights.map((night) =>
    [
      night.night,
      night.bedsInService,
      night.occupied,
      night.held,
      night.turnaways,
      night.occupancyRate,
    ].join(','),
  );

  return [header, ...lines].join('\r\n') + '\r\n';
}
