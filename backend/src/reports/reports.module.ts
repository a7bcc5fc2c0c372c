import { Module } from '@nestjs/common';
import { OccupancyService } from './occupancy.service.js';
import { ReportsController } from './reports.controller.js';

@Module({
  controllers: [ReportsController],
  providers: [OccupancyService],
})
export class ReportsModule {}
