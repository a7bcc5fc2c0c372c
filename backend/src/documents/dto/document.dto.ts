import { IsUUID } from 'class-validator';

export class DocumentParams {
  @IsUUID('all', { message: 'documentId must be a document id' })
  documentId!: string;
}
