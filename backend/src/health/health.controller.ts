import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { HealthReport } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { DependencyIndicators } from './dependency.indicators.js';

@ApiTags('health')
@Controller('health')
@Allow('public')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependencyIndicators,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): HealthReport {
    return { status: 'ok', details: {} };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database, document storage and identity keys reachable' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    try {
      return (await this.health.check([
        () => this.dependencies.database(),
        () => this.dependencies.storage(),
        () => this.dependencies.identity(),
      ])) as HealthReport;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) {
        throw error;
      }
      void reply.status(503);

      return error.getResponse() as HealthReport;
    }
  }
}
