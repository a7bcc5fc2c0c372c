import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** The people who use ACI-MTL: their roles, shelters and status, managed by admins. */
@Module({
  imports: [IdentityModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService],
  exports: [UsersRepository],
})
export class UsersModule {}
