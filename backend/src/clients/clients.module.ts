import { Module } from '@nestjs/common';
import { ClientAccess } from './client-access.js';
import { ClientsController } from './clients.controller.js';
import { ClientsService } from './clients.service.js';

/** The people served: their records, searched accent- and typo-tolerantly. */
@Module({
  controllers: [ClientsController],
  providers: [ClientsService, ClientAccess],
  exports: [ClientAccess],
})
export class ClientsModule {}
