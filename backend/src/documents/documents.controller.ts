import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DOCUMENT_CATEGORIES, DOCUMENT_MEDIA_TYPES, type DocumentView } from '@acimtl/contracts';
import { Allow } from '../auth/access.decorator.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ClientParams } from '../clients/dto/client.dto.js';
import { DocumentsService } from './documents.service.js';
import { DocumentParams } from './dto/document.dto.js';
import { attachmentDisposition } from './file-name.js';

@ApiTags('documents')
@Controller()
@Allow('signed-in')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** Multipart: `category`, optional `note` and `shelterId`, then one `file` (≤ 25 MB). */
  @Post('clients/:clientId/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['category', 'file'],
      properties: {
        category: { type: 'string', enum: [...DOCUMENT_CATEGORIES] },
        note: { type: 'string', maxLength: 500 },
        shelterId: { type: 'string', format: 'uuid' },
        file: { type: 'string', format: 'binary', description: 'PDF, JPEG, PNG, WebP or HEIC' },
      },
    },
  })
  upload(
    @Param() { clientId }: ClientParams,
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentView> {
    return this.documents.upload(clientId, request, actor);
  }

  @Get('clients/:clientId/documents')
  list(@Param() { clientId }: ClientParams, @CurrentActor() actor: Actor): Promise<DocumentView[]> {
    return this.documents.list(clientId, actor);
  }

  /**
   * Streams the file through the API rather than handing out a presigned URL: the API's role
   * may reach the bucket only through the VPC's endpoint, so a URL it signed would not work
   * from a browser, and a URL could be passed on; each download is checked and audited here.
   */
  @Get('documents/:documentId/download')
  @ApiProduces(...DOCUMENT_MEDIA_TYPES)
  async download(
    @Param() { documentId }: DocumentParams,
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const download = await this.documents.download(documentId, actor);

    await reply
      .header('content-type', download.mediaType)
      .header('content-length', download.object.sizeBytes ?? download.sizeBytes)
      .header('content-disposition', attachmentDisposition(download.fileName))
      .header('cache-control', 'private, no-store')
      .send(download.object.body);
  }

  @Delete('documents/:documentId')
  @HttpCode(204)
  remove(@Param() { documentId }: DocumentParams, @CurrentActor() actor: Actor): Promise<void> {
    return this.documents.remove(documentId, actor);
  }
}
