import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module.js';
import { RestrictionsController } from './restrictions.controller.js';
import { RestrictionsService } from './restrictions.service.js';

@Module({
  imports: [ClientsModule],
  controllers: [RestrictionsController],
  providers: [RestrictionsService],
  exports: [RestrictionsService],
})
export class RestrictionsModule {}
