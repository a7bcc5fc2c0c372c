import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClientIncidentView, IncidentView, TurnawayView } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ClientParams } from '../clients/dto/client.dto.js';
import { ShelterParams } from '../shelters/dto/shelter.dto.js';
import { CreateIncidentDto, CreateTurnawayDto, PeriodQuery } from './dto/incident.dto.js';
import { IncidentsService } from './incidents.service.js';

@ApiTags('incidents')
@Controller()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post('incidents')
  @Allow({ shelterMemberOf: 'body.shelterId' })
  recordIncident(
    @Body() body: CreateIncidentDto,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentView> {
    return this.incidents.recordIncident(body, actor);
  }

  @Post('turnaways')
  @Allow({ shelterMemberOf: 'body.shelterId' })
  recordTurnaway(
    @Body() body: CreateTurnawayDto,
    @CurrentActor() actor: Actor,
  ): Promise<TurnawayView> {
    return this.incidents.recordTurnaway(body, actor);
  }

  @Get('shelters/:shelterId/incidents')
  @Allow({ shelterMemberOf: 'params.shelterId' })
  list(
    @Param() { shelterId }: ShelterParams,
    @Query() period: PeriodQuery,
  ): Promise<IncidentView[]> {
    return this.incidents.incidents(shelterId, period.from, period.to);
  }

  @Get('clients/:clientId/incidents')
  @Allow('signed-in')
  listForClient(
    @Param() { clientId }: ClientParams,
    @CurrentActor() actor: Actor,
  ): Promise<ClientIncidentView[]> {
    return this.incidents.forClient(clientId, actor);
  }

  @Get('shelters/:shelterId/turnaways')
  @Allow({ shelterMemberOf: 'params.shelterId' })
  listTurnaways(
    @Param() { shelterId }: ShelterParams,
    @Query() period: PeriodQuery,
  ): Promise<TurnawayView[]> {
    return this.incidents.turnaways(shelterId, period.from, period.to);
  }
}
