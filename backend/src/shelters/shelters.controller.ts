import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { Availability, BedView, Board, RoomView, ShelterView } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { BoardService } from './board.service.js';
import {
  BedParams,
  CreateBedDto,
  CreateRoomDto,
  CreateShelterDto,
  RoomParams,
  ShelterParams,
  UpdateBedDto,
  UpdateRoomDto,
  UpdateShelterDto,
} from './dto/shelter.dto.js';
import { SheltersService } from './shelters.service.js';

class ListSheltersQuery {
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeInactive?: boolean;
}

@ApiTags('shelters')
@Controller()
export class SheltersController {
  constructor(
    private readonly shelters: SheltersService,
    private readonly boards: BoardService,
  ) {}

  @Get('availability')
  @Allow('signed-in')
  availability(): Promise<Availability> {
    return this.boards.availability();
  }

  @Get('shelters')
  @Allow('signed-in')
  list(@Query() query: ListSheltersQuery): Promise<ShelterView[]> {
    return this.shelters.list(query.includeInactive ?? false);
  }

  @Post('shelters')
  @Allow('admin')
  create(@Body() body: CreateShelterDto): Promise<ShelterView> {
    return this.shelters.create(body);
  }

  @Get('shelters/:shelterId')
  @Allow('signed-in')
  get(@Param() { shelterId }: ShelterParams): Promise<ShelterView & { rooms: RoomView[] }> {
    return this.shelters.get(shelterId);
  }

  @Patch('shelters/:shelterId')
  @Allow('admin')
  update(
    @Param() { shelterId }: ShelterParams,
    @Body() body: UpdateShelterDto,
  ): Promise<ShelterView> {
    return this.shelters.update(shelterId, body);
  }

  @Get('shelters/:shelterId/board')
  @Allow({ shelterMemberOf: 'params.shelterId' })
  board(@Param() { shelterId }: ShelterParams): Promise<Board> {
    return this.boards.board(shelterId);
  }

  @Post('shelters/:shelterId/rooms')
  @Allow('admin')
  addRoom(@Param() { shelterId }: ShelterParams, @Body() body: CreateRoomDto): Promise<RoomView> {
    return this.shelters.addRoom(shelterId, body);
  }

  @Patch('shelters/:shelterId/rooms/:roomId')
  @Allow('admin')
  updateRoom(
    @Param() { shelterId, roomId }: RoomParams,
    @Body() body: UpdateRoomDto,
  ): Promise<RoomView> {
    return this.shelters.updateRoom(shelterId, roomId, body);
  }

  @Post('shelters/:shelterId/rooms/:roomId/beds')
  @Allow('admin')
  addBed(@Param() { shelterId, roomId }: RoomParams, @Body() body: CreateBedDto): Promise<BedView> {
    return this.shelters.addBed(shelterId, roomId, body);
  }

  @Patch('shelters/:shelterId/beds/:bedId')
  @Allow('admin')
  updateBed(
    @Param() { shelterId, bedId }: BedParams,
    @Body() body: UpdateBedDto,
  ): Promise<BedView> {
    return this.shelters.updateBed(shelterId, bedId, body);
  }
}
