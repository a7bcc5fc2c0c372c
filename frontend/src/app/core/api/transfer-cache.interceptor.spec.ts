import { HydrationReads } from './transfer-cache.interceptor';

describe(HydrationReads.name, () => {
  it('lets the first read of a URL use the server-rendered copy', () => {
    const reads = new HydrationReads();

    expect(reads.mayUseTransferCache('GET', '/api/shelters/1/board')).toBe(true);
    expect(reads.mayUseTransferCache('GET', '/api/clients/2')).toBe(true);
  });

  it('sends a second read of the same URL to the API', () => {
    const reads = new HydrationReads();
    reads.mayUseTransferCache('GET', '/api/shelters/1/board');

    expect(reads.mayUseTransferCache('GET', '/api/shelters/1/board')).toBe(false);
  });

  it('sends every read to the API once anything was changed', () => {
    const reads = new HydrationReads();
    reads.mayUseTransferCache('POST', '/api/stays');

    expect(reads.mayUseTransferCache('GET', '/api/clients/2/documents')).toBe(false);
  });
});
