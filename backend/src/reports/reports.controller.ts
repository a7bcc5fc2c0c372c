import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { OccupancyReport } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { PeriodQuery } from '../incidents/dto/incident.dto.js';
import { OccupancyService, toCsv } from './occupancy.service.js';

class OccupancyQuery extends PeriodQuery {
  @IsOptional()
  @IsUUID('all', { message: 'shelterId must be a shelter id' })
  shelterId?: string;

  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly occupancy: OccupancyService) {}

  /** Members see their shelter; admins any shelter, or all of them when none is named. */
  @Get('occupancy')
  @Allow('signed-in')
  async report(
    @Query() query: OccupancyQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OccupancyReport | string> {
    const report = await this.occupancy.report(query.from, query.to, query.shelterId, actor);
    if (query.format !== 'csv') {
      return report;
    }
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="occupancy-${query.from}-${query.to}.csv"`,
      );

    return toCsv(report);
  }
}
