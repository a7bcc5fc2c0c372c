import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StayView } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ClientParams } from '../clients/dto/client.dto.js';
import { ShelterParams } from '../shelters/dto/shelter.dto.js';
import {
  CheckInDto,
  CheckOutDto,
  MoveStayDto,
  ShelterStaysQuery,
  StayParams,
} from './dto/stay.dto.js';
import { StaysService } from './stays.service.js';

@ApiTags('stays')
@Controller()
@Allow('signed-in')
export class StaysController {
  constructor(private readonly stays: StaysService) {}

  /** Check in: membership of the bed's shelter is checked with the bed, under its lock. */
  @Post('stays')
  checkIn(@Body() body: CheckInDto, @CurrentActor() actor: Actor): Promise<StayView> {
    return this.stays.checkIn(body, actor);
  }

  @Post('stays/:stayId/check-out')
  @HttpCode(200)
  checkOut(
    @Param() { stayId }: StayParams,
    @Body() body: CheckOutDto,
    @CurrentActor() actor: Actor,
  ): Promise<StayView> {
    return this.stays.checkOut(stayId, body, actor);
  }

  @Post('stays/:stayId/move')
  @HttpCode(200)
  move(
    @Param() { stayId }: StayParams,
    @Body() body: MoveStayDto,
    @CurrentActor() actor: Actor,
  ): Promise<StayView> {
    return this.stays.move(stayId, body.bedId, actor);
  }

  @Get('shelters/:shelterId/stays')
  @Allow({ shelterMemberOf: 'params.shelterId' })
  forShelter(
    @Param() { shelterId }: ShelterParams,
    @Query() query: ShelterStaysQuery,
    @CurrentActor() actor: Actor,
  ): Promise<StayView[]> {
    return this.stays.listForShelter(shelterId, query.open ?? false, actor);
  }

  @Get('clients/:clientId/stays')
  forClient(
    @Param() { clientId }: ClientParams,
    @CurrentActor() actor: Actor,
  ): Promise<StayView[]> {
    return this.stays.listForClient(clientId, actor);
  }
}
