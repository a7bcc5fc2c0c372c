import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module.js';
import { FilesModule } from '../files/files.module.js';
import { DocumentPurger } from './document-purger.js';
import { DocumentStore } from './document-store.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

/** Files about a client (ID scans, consent forms, letters) in the documents bucket. */
@Module({
  imports: [ClientsModule, FilesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentStore, DocumentPurger],
})
export class DocumentsModule {}
