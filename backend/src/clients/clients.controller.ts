import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AccessLogEntry, ClientSearchPage, ClientView } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { AccessLogService } from '../audit/access-log.service.js';
import { ClientsService } from './clients.service.js';
import {
  ClientParams,
  CreateClientDto,
  SearchClientsQuery,
  UpdateClientDto,
} from './dto/client.dto.js';

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @Allow('signed-in')
  search(
    @Query() query: SearchClientsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ClientSearchPage> {
    return this.clients.search(query, actor);
  }

  @Post()
  @Allow('signed-in')
  create(@Body() body: CreateClientDto, @CurrentActor() actor: Actor): Promise<ClientView> {
    return this.clients.create(body, actor);
  }

  @Get(':clientId')
  @Allow('signed-in')
  get(@Param() { clientId }: ClientParams, @CurrentActor() actor: Actor): Promise<ClientView> {
    return this.clients.get(clientId, actor);
  }

  @Patch(':clientId')
  @Allow('signed-in')
  update(
    @Param() { clientId }: ClientParams,
    @Body() body: UpdateClientDto,
    @CurrentActor() actor: Actor,
  ): Promise<ClientView> {
    return this.clients.update(clientId, body, actor);
  }

  @Get(':clientId/access-log')
  @Allow('admin')
  log(@Param() { clientId }: ClientParams): Promise<AccessLogEntry[]> {
    return this.accessLog.forClient(clientId);
  }
}
