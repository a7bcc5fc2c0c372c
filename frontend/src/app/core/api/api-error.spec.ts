import { HttpErrorResponse } from '@angular/common/http';
import { describeError } from './api-error';

function failure(status: number, error: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error });
}

describe('describeError', () => {
  it('names a known API code by its own sentence', () => {
    const view = describeError(
      failure(409, { statusCode: 409, code: 'BED_OCCUPIED', message: 'x', requestId: 'r' }),
    );

    expect(view.key).toBe('errors.BED_OCCUPIED');
    expect(view.code).toBe('BED_OCCUPIED');
  });

  it('falls back to the status for a code it does not know', () => {
    const view = describeError(
      failure(404, { statusCode: 404, code: 'SOMETHING_NEW', message: 'x', requestId: 'r' }),
    );

    expect(view.key).toBe('errors.notFound');
  });

  it('lists the fields the API refused', () => {
    const view = describeError(
      failure(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        requestId: 'r',
        details: [{ field: 'givenName', messages: ['too long'] }],
      }),
    );

    expect(view.key).toBe('errors.invalid');
    expect(view.fields).toEqual(['givenName']);
  });

  it('says the server is unreachable when nothing answered', () => {
    expect(describeError(failure(0, new ProgressEvent('error'))).key).toBe('errors.unreachable');
    expect(describeError(failure(503, 'Service Unavailable')).key).toBe('errors.unreachable');
  });

  it('treats anything else as a server failure', () => {
    expect(describeError(new Error('boom')).key).toBe('errors.server');
  });
});
