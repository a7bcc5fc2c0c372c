import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RestrictionView } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ClientParams } from '../clients/dto/client.dto.js';
import {
  CreateRestrictionDto,
  LiftRestrictionDto,
  RestrictionParams,
} from './dto/restriction.dto.js';
import { RestrictionsService } from './restrictions.service.js';

@ApiTags('restrictions')
@Controller('clients/:clientId/restrictions')
@Allow('signed-in')
export class RestrictionsController {
  constructor(private readonly restrictions: RestrictionsService) {}

  @Get()
  list(
    @Param() { clientId }: ClientParams,
    @CurrentActor() actor: Actor,
  ): Promise<RestrictionView[]> {
    return this.restrictions.list(clientId, actor);
  }

  @Post()
  create(
    @Param() { clientId }: ClientParams,
    @Body() body: CreateRestrictionDto,
    @CurrentActor() actor: Actor,
  ): Promise<RestrictionView> {
    return this.restrictions.create(clientId, body, actor);
  }

  @Post(':restrictionId/lift')
  @HttpCode(200)
  lift(
    @Param() { clientId, restrictionId }: RestrictionParams,
    @Body() body: LiftRestrictionDto,
    @CurrentActor() actor: Actor,
  ): Promise<RestrictionView> {
    return this.restrictions.lift(clientId, restrictionId, body.reason, actor);
  }
}
