import { DOCUMENT } from '@angular/common';
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { csrfInterceptor, readCsrfToken } from './csrf.interceptor';

describe('readCsrfToken', () => {
  it('reads the plain cookie of a local platform', () => {
    expect(readCsrfToken('acimtl_lang=fr; acimtl_csrf=abc123')).toBe('abc123');
  });

  it('reads the prefixed cookie of a secure deployment', () => {
    expect(readCsrfToken('__Host-acimtl_csrf=xyz; other=1')).toBe('xyz');
  });

  it('finds nothing when there is no session', () => {
    expect(readCsrfToken('acimtl_lang=fr')).toBeNull();
  });
});

describe('csrfInterceptor', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([csrfInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    TestBed.inject(DOCUMENT).cookie = 'acimtl_csrf=token-1; path=/';
  });

  afterEach(() => {
    TestBed.inject(DOCUMENT).cookie = 'acimtl_csrf=; max-age=0; path=/';
  });

  it('echoes the token on a state-changing call', () => {
    TestBed.inject(HttpClient).post('/api/stays', {}).subscribe();

    const request = TestBed.inject(HttpTestingController).expectOne('/api/stays');
    expect(request.request.headers.get('x-csrf-token')).toBe('token-1');
  });

  it('leaves reads alone', () => {
    TestBed.inject(HttpClient).get('/api/availability').subscribe();

    const request = TestBed.inject(HttpTestingController).expectOne('/api/availability');
    expect(request.request.headers.has('x-csrf-token')).toBe(false);
  });
});
