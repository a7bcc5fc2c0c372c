import { Module } from '@nestjs/common';
import { BoardService } from './board.service.js';
import { SheltersController } from './shelters.controller.js';
import { SheltersService } from './shelters.service.js';

/** The shelter registry and the boards that show tonight's beds. */
@Module({
  controllers: [SheltersController],
  providers: [SheltersService, BoardService],
})
export class SheltersModule {}
