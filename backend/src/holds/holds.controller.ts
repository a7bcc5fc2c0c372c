import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HoldView } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { CreateHoldDto, HoldParams } from './dto/hold.dto.js';
import { HoldsService } from './holds.service.js';

@ApiTags('holds')
@Controller('holds')
@Allow('signed-in')
export class HoldsController {
  constructor(private readonly holds: HoldsService) {}

  /** Membership of the bed's shelter is checked with the bed, under its lock. */
  @Post()
  create(@Body() body: CreateHoldDto, @CurrentActor() actor: Actor): Promise<HoldView> {
    return this.holds.create(body, actor);
  }

  @Delete(':holdId')
  @HttpCode(204)
  async release(@Param() { holdId }: HoldParams, @CurrentActor() actor: Actor): Promise<void> {
    await this.holds.release(holdId, actor);
  }
}
