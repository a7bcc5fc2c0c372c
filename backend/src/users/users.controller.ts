import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { InviteResponse, Page, UserDetail, UserSummary } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { Principal } from '../auth/principal.js';
import { InviteUserDto, ListUsersQuery, UpdateUserDto, UserIdParams } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
@Allow('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query() query: ListUsersQuery): Promise<Page<UserSummary>> {
    return this.users.list(query);
  }

  @Post()
  invite(@Body() body: InviteUserDto, @CurrentUser() actor: Principal): Promise<InviteResponse> {
    return this.users.invite(body, actor);
  }

  @Get(':id')
  get(@Param() { id }: UserIdParams): Promise<UserDetail> {
    return this.users.get(id);
  }

  @Patch(':id')
  update(
    @Param() { id }: UserIdParams,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: Principal,
  ): Promise<UserDetail> {
    return this.users.update(id, body, actor);
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(@Param() { id }: UserIdParams, @CurrentUser() actor: Principal): Promise<UserDetail> {
    return this.users.disable(id, actor);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param() { id }: UserIdParams, @CurrentUser() actor: Principal): Promise<UserDetail> {
    return this.users.enable(id, actor);
  }

  @Post(':id/resend-invite')
  @HttpCode(200)
  resendInvite(@Param() { id }: UserIdParams): Promise<{ temporaryPassword?: string }> {
    return this.users.resendInvitation(id);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param() { id }: UserIdParams, @CurrentUser() actor: Principal): Promise<void> {
    await this.users.remove(id, actor);
  }
}
