import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { FilesModule } from '../files/files.module.js';
import { DependencyIndicators } from './dependency.indicators.js';
import { HealthController } from './health.controller.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }), FilesModule],
  controllers: [HealthController],
  providers: [DependencyIndicators],
})
export class HealthModule {}
