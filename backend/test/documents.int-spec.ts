import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AccessLogEntry, ApiError, ClientView, DocumentView } from '@acimtl/contracts';
import { ClientDocument } from '../src/documents/document.entity.js';
import { DocumentsService } from '../src/documents/documents.service.js';
import { createAccount, sql } from './support/accounts.js';
import { type ArrangedShelter, arrangeShelter, call, createClient } from './support/front-desk.js';
import { bearer, signInForTokens } from './support/http.js';
import { commandsImported } from './support/source-files.js';
import { startS3Emulator } from './support/s3-emulator.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Small but real files: each starts with its format's magic numbers.
const FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  heic: Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic\0\0\0\0mif1heic'),
    Buffer.alloc(512, 7),
  ]),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  html: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
};

interface UploadParts {
  file?: { bytes: Buffer; name: string; type?: string };
  fields?: Record<string, string>;
}

function form({ file, fields = { category: 'identity' } }: UploadParts): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    body.append(name, value);
  }
  if (file) {
    body.append('file', new Blob([file.bytes], { type: file.type ?? '' }), file.name);
  }

  return body;
}

async function upload<T = DocumentView>(
  api: string,
  token: string,
  clientId: string,
  parts: UploadParts,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${api}/api/clients/${clientId}/documents`, {
    method: 'POST',
    headers: bearer(token),
    body: form(parts),
  });

  return { status: response.status, body: (await response.json()) as T };
}

async function download(api: string, token: string, documentId: string) {
  const response = await fetch(`${api}/api/documents/${documentId}/download`, {
    headers: bearer(token),
  });

  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The keys of a client's objects in the bucket, read directly from the emulator. */
async function objectsOf(clientId: string, endpoint = process.env.S3_ENDPOINT): Promise<string[]> {
  const s3 = new S3Client({ region: process.env.AWS_REGION, endpoint, forcePathStyle: true });
  try {
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: process.env.S3_BUCKET, Prefix: `clients/${clientId}/` }),
    );

    return (listed.Contents ?? []).map((object) => object.Key!).sort();
  } finally {
    s3.destroy();
  }
}

async function queuedPurges(storageKey: string): Promise<number> {
  const rows = await sql('select 1 from storage_purges where storage_key = $1', [storageKey]);

  return rows.length;
}

async function rowsOf(clientId: string) {
  return sql<{ id: string; storage_key: string; deleted_at: Date | null }>(
    'select id, storage_key, deleted_at from documents where client_id = $1',
    [clientId],
  );
}

/** Makes the commit that writes the next document fail, after its row was inserted. */
function failNextDocumentCommit(app: TestApp) {
  let state: 'waiting' | 'armed' | 'spent' = 'waiting';
  app.app
    .get(EntityManager)
    .getEventManager()
    .registerSubscriber({
      getSubscribedEntities: () => [ClientDocument],
      afterCreate: () => {
        state = state === 'waiting' ? 'armed' : state;
      },
      beforeTransactionCommit: () => {
        if (state === 'armed') {
          state = 'spent';
          throw new Error('injected: database failure at commit');
        }
      },
    });
}

/** Records the name of every command the API sends to S3. */
function recordS3Commands(app: TestApp): Set<string> {
  const sent = new Set<string>();
  app.app.get(S3Client).middlewareStack.add(
    (next, context) => async (args) => {
      sent.add(context.commandName!);

      return next(args);
    },
    { step: 'initialize', name: 'record-commands' },
  );

  return sent;
}

describe('client documents', () => {
  let api: TestApp;
  let s3Commands: Set<string>;
  let admin: string;
  let here: ArrangedShelter;
  let coordinator: string;
  let stranger: string;
  let client: ClientView;

  beforeAll(async () => {
    api = await startTestApp();
    s3Commands = recordS3Commands(api);
    const adminAccount = await createAccount('admin');
    admin = (await signInForTokens(api.url, adminAccount.email, adminAccount.password)).accessToken;
    here = await arrangeShelter(api.url, admin, 1);
    const there = await arrangeShelter(api.url, admin, 1);
    const c = await createAccount('coordinator', { shelterIds: [here.shelter.id] });
    const s = await createAccount('coordinator', { shelterIds: [there.shelter.id] });
    coordinator = (await signInForTokens(api.url, c.email, c.password)).accessToken;
    stranger = (await signInForTokens(api.url, s.email, s.password)).accessToken;
    client = await createClient(api.url, coordinator, {
      givenName: 'Hélène',
      shelterId: here.shelter.id,
    });
  });

  afterAll(async () => {
    await api.close();
  });

  describe('for those who may see the record', () => {
    let pdf: DocumentView;
    let photo: DocumentView;

    it('stores a PDF under a key of its own, with its hash, size and type', async () => {
      const { status, body } = await upload(api.url, coordinator, client.id, {
        file: { bytes: FILES.pdf, name: 'Carte santé Hélène.pdf', type: 'application/pdf' },
        fields: { category: 'identity', note: 'Carte RAMQ, recto' },
      });
      pdf = body;

      expect(status).toBe(201);
      expect(body).toMatchObject({
        clientId: client.id,
        category: 'identity',
        note: 'Carte RAMQ, recto',
        fileName: 'Carte santé Hélène.pdf',
        mediaType: 'application/pdf',
        sizeBytes: FILES.pdf.length,
        sha256: sha256(FILES.pdf),
        shelter: { id: here.shelter.id, name: here.shelter.name },
      });
      const [row] = await sql<{ storage_key: string }>(
        'select storage_key from documents where id = $1',
        [body.id],
      );
      expect(row.storage_key).toMatch(new RegExp(`^clients/${client.id}/[0-9a-f-]{36}$`));
      expect(await objectsOf(client.id)).toEqual([row.storage_key]);
    });

    it('stores a phone photo whose browser did not know its type', async () => {
      const { status, body } = await upload(api.url, coordinator, client.id, {
        file: { bytes: FILES.heic, name: 'IMG_2041.HEIC' },
        fields: { category: 'consent' },
      });
      photo = body;

      expect(status).toBe(201);
      expect(body.mediaType).toBe('image/heic');
    });

    it('lists them, newest first', async () => {
      const { status, body } = await call<DocumentView[]>(
        api.url,
        coordinator,
        'GET',
        `/api/clients/${client.id}/documents`,
      );

      expect(status).toBe(200);
      expect(body.map((document) => document.id)).toEqual([photo.id, pdf.id]);
    });

    it('downloads a document byte for byte, offering its original name', async () => {
      const { response, bytes } = await download(api.url, coordinator, pdf.id);

      expect(response.status).toBe(200);
      expect(sha256(bytes)).toBe(sha256(FILES.pdf));
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Carte sante Helene.pdf"; filename*=UTF-8''Carte%20sant%C3%A9%20H%C3%A9l%C3%A8ne.pdf`,
      );
    });

    it('downloads the photo byte for byte too', async () => {
      const { response, bytes } = await download(api.url, coordinator, photo.id);

      expect(response.status).toBe(200);
      expect(bytes.equals(FILES.heic)).toBe(true);
    });

    it('deletes a document: the object leaves the bucket and the record is kept as deleted', async () => {
      const before = await objectsOf(client.id);
      const deleted = await call(api.url, coordinator, 'DELETE', `/api/documents/${photo.id}`);
      const rows = await rowsOf(client.id);
      const listed = await call<DocumentView[]>(
        api.url,
        coordinator,
        'GET',
        `/api/clients/${client.id}/documents`,
      );

      expect(deleted.status).toBe(204);
      expect(before).toHaveLength(2);
      expect(await objectsOf(client.id)).toEqual(
        rows.filter((row) => !row.deleted_at).map((row) => row.storage_key),
      );
      expect(rows.find((row) => row.id === photo.id)?.deleted_at).toBeInstanceOf(Date);
      expect(listed.body.map((document) => document.id)).toEqual([pdf.id]);
    });

    it('answers 404 for a deleted document', async () => {
      const { response } = await download(api.url, coordinator, photo.id);
      const again = await call<ApiError>(
        api.url,
        coordinator,
        'DELETE',
        `/api/documents/${photo.id}`,
      );

      expect(response.status).toBe(404);
      expect(again.body.code).toBe('DOCUMENT_NOT_FOUND');
    });

    it('records every upload, listing, download and deletion in the access history', async () => {
      const { body } = await call<AccessLogEntry[]>(
        api.url,
        admin,
        'GET',
        `/api/clients/${client.id}/access-log`,
      );
      const actions = body.map((entry) => entry.action);

      for (const action of [
        'document.uploaded',
        'document.listed',
        'document.downloaded',
        'document.deleted',
      ]) {
        expect(actions).toContain(action);
      }
    });

    it('makes the record visible to the shelter where a document was filed', async () => {
      const elsewhere = await arrangeShelter(api.url, admin, 1);
      const member = await createAccount('coordinator', { shelterIds: [elsewhere.shelter.id] });
      const token = (await signInForTokens(api.url, member.email, member.password)).accessToken;
      const before = await call(api.url, token, 'GET', `/api/clients/${client.id}`);
      await upload(api.url, admin, client.id, {
        file: { bytes: FILES.png, name: 'lettre.png' },
        fields: { category: 'letter', shelterId: elsewhere.shelter.id },
      });
      const after = await call(api.url, token, 'GET', `/api/clients/${client.id}`);

      expect(before.status).toBe(404);
      expect(after.status).toBe(200);
    });
  });

  describe('for anyone else', () => {
    let kept: DocumentView;

    beforeAll(async () => {
      kept = (
        await upload(api.url, coordinator, client.id, {
          file: { bytes: FILES.png, name: 'scan.png' },
        })
      ).body;
    });

    it('answers 404 to an upload, with nothing stored', async () => {
      const before = await objectsOf(client.id);
      const { status, body } = await upload<ApiError>(api.url, stranger, client.id, {
        file: { bytes: FILES.pdf, name: 'x.pdf' },
      });

      expect(status).toBe(404);
      expect(body.code).toBe('CLIENT_NOT_FOUND');
      expect(await objectsOf(client.id)).toEqual(before);
    });

    it('answers 404 to the list, the download and the deletion', async () => {
      const listed = await call(api.url, stranger, 'GET', `/api/clients/${client.id}/documents`);
      const { response } = await download(api.url, stranger, kept.id);
      const deleted = await call(api.url, stranger, 'DELETE', `/api/documents/${kept.id}`);

      expect([listed.status, response.status, deleted.status]).toEqual([404, 404, 404]);
      expect((await rowsOf(client.id)).find((row) => row.id === kept.id)?.deleted_at).toBeNull();
    });
  });

  describe('bad uploads, each refused with nothing stored', () => {
    let victim: ClientView;

    beforeAll(async () => {
      victim = await createClient(api.url, coordinator, { shelterId: here.shelter.id });
    });

    afterAll(async () => {
      expect(await objectsOf(victim.id)).toEqual([]);
      expect(await rowsOf(victim.id)).toEqual([]);
    });

    const cases: [string, UploadParts, number, string][] = [
      [
        'an empty file',
        { file: { bytes: Buffer.alloc(0), name: 'vide.pdf' } },
        400,
        'DOCUMENT_EMPTY_FILE',
      ],
      [
        'an executable named .pdf',
        { file: { bytes: FILES.elf, name: 'facture.pdf', type: 'application/pdf' } },
        415,
        'DOCUMENT_UNSUPPORTED_TYPE',
      ],
      [
        'a Windows program',
        { file: { bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), name: 'a.pdf' } },
        415,
        'DOCUMENT_UNSUPPORTED_TYPE',
      ],
      [
        'an SVG image',
        { file: { bytes: FILES.svg, name: 'logo.svg', type: 'image/svg+xml' } },
        415,
        'DOCUMENT_UNSUPPORTED_TYPE',
      ],
      [
        'an HTML page',
        { file: { bytes: FILES.html, name: 'page.html', type: 'text/html' } },
        415,
        'DOCUMENT_UNSUPPORTED_TYPE',
      ],
      [
        'a PNG named .jpg',
        { file: { bytes: FILES.png, name: 'photo.jpg' } },
        415,
        'DOCUMENT_TYPE_MISMATCH',
      ],
      [
        'a PDF the browser called an image',
        { file: { bytes: FILES.pdf, name: 'scan', type: 'image/png' } },
        415,
        'DOCUMENT_TYPE_MISMATCH',
      ],
      [
        'a path for a name',
        { file: { bytes: FILES.pdf, name: '../../etc/passwd' } },
        400,
        'DOCUMENT_INVALID_FILE_NAME',
      ],
      [
        'a name with a control character',
        { file: { bytes: FILES.pdf, name: 'a\u0007b.pdf' } },
        400,
        'DOCUMENT_INVALID_FILE_NAME',
      ],
      [
        'an unknown category',
        { file: { bytes: FILES.pdf, name: 'a.pdf' }, fields: { category: 'selfie' } },
        400,
        'DOCUMENT_INVALID_FIELD',
      ],
      [
        'no category',
        { file: { bytes: FILES.pdf, name: 'a.pdf' }, fields: {} },
        400,
        'DOCUMENT_INVALID_FIELD',
      ],
      [
        'an unknown field',
        { file: { bytes: FILES.pdf, name: 'a.pdf' }, fields: { category: 'other', owner: 'me' } },
        400,
        'DOCUMENT_INVALID_FIELD',
      ],
      ['no file', { fields: { category: 'other' } }, 400, 'DOCUMENT_FILE_MISSING'],
    ];

    it.each(cases)('refuses %s', async (_what, parts, status, code) => {
      const response = await upload<ApiError>(api.url, coordinator, victim.id, parts);

      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(response.body.requestId).toEqual(expect.any(String));
    });

    it('refuses a field sent after the file', async () => {
      const body = new FormData();
      body.append('category', 'other');
      body.append('file', new Blob([FILES.pdf]), 'a.pdf');
      body.append('note', 'late');
      const response = await fetch(`${api.url}/api/clients/${victim.id}/documents`, {
        method: 'POST',
        headers: bearer(coordinator),
        body,
      });

      expect(response.status).toBe(400);
      expect(((await response.json()) as ApiError).code).toBe('DOCUMENT_FIELD_AFTER_FILE');
    });

    it('refuses a JSON body', async () => {
      const response = await call<ApiError>(
        api.url,
        coordinator,
        'POST',
        `/api/clients/${victim.id}/documents`,
        { category: 'other' },
      );

      expect(response.status).toBe(415);
      expect(response.body.code).toBe('DOCUMENT_NOT_MULTIPART');
    });

    it('refuses a file over 25 MB that announces its size, before reading it', async () => {
      const big = Buffer.alloc(26 * 1024 * 1024);
      FILES.pdf.copy(big);
      const response = await upload<ApiError>(api.url, coordinator, victim.id, {
        file: { bytes: big, name: 'gros.pdf' },
      });

      expect(response.status).toBe(413);
      expect(response.body.code).toBe('DOCUMENT_TOO_LARGE');
    });

    it('refuses a file over 25 MB sent without a length, once 25 MB have arrived', async () => {
      const chunk = Buffer.alloc(1024 * 1024);
      const boundary = 'acimtl-test-boundary';
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nother\r\n` +
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="flux.pdf"\r\n` +
                'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
            ),
          );
        },
        pull(controller) {
          // Stops by itself: 40 MB at most, whatever the server does.
          if ((sent += chunk.length) > 40 * 1024 * 1024) {
            controller.close();
            return;
          }
          controller.enqueue(chunk);
        },
      });
      const response = await fetch(`${api.url}/api/clients/${victim.id}/documents`, {
        method: 'POST',
        headers: {
          ...bearer(coordinator),
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body,
        duplex: 'half',
      } as RequestInit);

      expect(response.status).toBe(413);
      expect(((await response.json()) as ApiError).code).toBe('DOCUMENT_TOO_LARGE');
      expect(sent).toBeLessThan(40 * 1024 * 1024);
    });
  });

  describe('when a part fails', () => {
    let victim: ClientView;

    beforeAll(async () => {
      victim = await createClient(api.url, coordinator, { shelterId: here.shelter.id });
    });

    it('leaves no object when the database fails after the upload', async () => {
      failNextDocumentCommit(api);
      const response = await upload<ApiError>(api.url, coordinator, victim.id, {
        file: { bytes: FILES.pdf, name: 'a.pdf' },
      });

      expect(response.status).toBe(500);
      expect(await rowsOf(victim.id)).toEqual([]);
      expect(await objectsOf(victim.id)).toEqual([]);
    });

    it('answers 503 and keeps no record when S3 goes away in the middle of the upload', async () => {
      const s3 = await startS3Emulator(process.env.S3_BUCKET!);
      const proxy = new TcpProxy('127.0.0.1', Number(new URL(s3.endpoint).port));
      const viaProxy = await startTestApp({
        S3_ENDPOINT: `http://127.0.0.1:${await proxy.start()}`,
      });
      const direct = await startTestApp({ S3_ENDPOINT: s3.endpoint });
      try {
        const big = Buffer.concat([FILES.pdf, Buffer.alloc(4 * 1024 * 1024, 1)]);
        const cutting = proxy.cutAfter(64 * 1024);
        const response = await upload<ApiError>(viaProxy.url, coordinator, victim.id, {
          file: { bytes: big, name: 'gros.pdf' },
        });
        await cutting;

        expect(response.status).toBe(503);
        expect(response.body.code).toBe('DOCUMENT_STORAGE_UNAVAILABLE');
        expect(await rowsOf(victim.id)).toEqual([]);
        // s3rver, unlike S3, may keep the part it received: the removal queued for it takes
        // it away once the bucket is reachable again.
        await direct.app.get(DocumentsService).purgePending();
        expect(await objectsOf(victim.id, s3.endpoint)).toEqual([]);
      } finally {
        await proxy.cut();
        await viaProxy.close();
        await direct.close();
        await s3.close();
      }
    });

    it('asks S3 to encrypt each object and to check its SHA-256', async () => {
      const s3 = await startS3Emulator(process.env.S3_BUCKET!);
      const encrypting = await startTestApp({ S3_ENDPOINT: s3.endpoint });
      const puts: { ServerSideEncryption?: string; ChecksumSHA256?: string }[] = [];
      encrypting.app.get(S3Client).middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'PutObjectCommand') {
            puts.push(args.input as (typeof puts)[number]);
          }

          return next(args);
        },
        { step: 'initialize', name: 'record-puts' },
      );
      try {
        const { status } = await upload(encrypting.url, coordinator, victim.id, {
          file: { bytes: FILES.pdf, name: 'a.pdf' },
        });

        expect(status).toBe(201);
        expect(puts).toEqual([
          expect.objectContaining({
            ServerSideEncryption: 'AES256',
            ChecksumSHA256: createHash('sha256').update(FILES.pdf).digest('base64'),
          }),
        ]);
      } finally {
        await encrypting.close();
        await s3.close();
      }
    });

    it('answers 503 to a download while S3 is unreachable', async () => {
      const stored = await upload(api.url, coordinator, victim.id, {
        file: { bytes: FILES.pdf, name: 'a.pdf' },
      });
      const down = await startTestApp({ S3_ENDPOINT: 'http://127.0.0.1:9' });
      try {
        const { response } = await download(down.url, coordinator, stored.body.id);

        expect(response.status).toBe(503);
      } finally {
        await down.close();
      }
    });

    it('purges the object of a document deleted while S3 was unreachable, once it is back', async () => {
      const stored = await upload(api.url, coordinator, victim.id, {
        file: { bytes: FILES.png, name: 'b.png' },
      });
      const down = await startTestApp({ S3_ENDPOINT: 'http://127.0.0.1:9' });
      try {
        const deleted = await call(
          down.url,
          coordinator,
          'DELETE',
          `/api/documents/${stored.body.id}`,
        );
        expect(deleted.status).toBe(204);
      } finally {
        await down.close();
      }
      const [{ storage_key: key }] = await sql<{ storage_key: string }>(
        'select storage_key from documents where id = $1',
        [stored.body.id],
      );
      const queued = await queuedPurges(key);
      expect(await objectsOf(victim.id)).toContain(key);

      await api.app.get(DocumentsService).purgePending();

      expect(queued).toBe(1);
      expect(await queuedPurges(key)).toBe(0);
      expect(await objectsOf(victim.id)).not.toContain(key);
    });
  });

  it('reports the bucket in readiness, however many objects it holds', async () => {
    const ready = await fetch(`${api.url}/api/health/ready`);
    const body = (await ready.json()) as { details?: Record<string, { status: string }> };

    expect(body.details?.storage?.status).toBe('up');
    expect(ready.status).toBe(200);
  });

  it('sent S3 only the commands its role allows', () => {
    expect([...s3Commands].sort()).toEqual([
      'DeleteObjectCommand',
      'GetObjectCommand',
      'ListObjectsV2Command',
      'PutObjectCommand',
    ]);
  });

  it('names no other S3 command anywhere in its code', () => {
    const named = commandsImported(join(import.meta.dirname, '../src'), '@aws-sdk/client-s3');

    expect(named).toEqual([
      'DeleteObjectCommand',
      'GetObjectCommand',
      'ListObjectsV2Command',
      'PutObjectCommand',
    ]);
  });
});
