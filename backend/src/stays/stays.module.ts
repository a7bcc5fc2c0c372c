import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module.js';
import { RestrictionsModule } from '../restrictions/restrictions.module.js';
import { StaysController } from './stays.controller.js';
import { StaysService } from './stays.service.js';

/** The front desk: who sleeps in which bed tonight. */
@Module({
  imports: [ClientsModule, RestrictionsModule],
  controllers: [StaysController],
  providers: [StaysService],
})
export class StaysModule {}
