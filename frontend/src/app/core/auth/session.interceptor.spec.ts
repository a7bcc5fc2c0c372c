import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { sessionInterceptor } from './session.interceptor';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

describe('sessionInterceptor', () => {
  let http: HttpTestingController;
  let navigate: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TranslocoTestingModule.forRoot({ langs: { fr: {} } })],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([sessionInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  it('refreshes an expired session once and replays the call', () => {
    let answer: unknown;
    TestBed.inject(HttpClient)
      .get('/api/availability')
      .subscribe((body) => (answer = body));

    http.expectOne('/api/availability').flush(null, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush({ expiresIn: 3600 });
    http.expectOne('/api/availability').flush({ shelters: [] });

    expect(answer).toEqual({ shelters: [] });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shares one refresh between calls that expire together', () => {
    const client = TestBed.inject(HttpClient);
    client.get('/api/availability').subscribe();
    client.get('/api/shelters').subscribe();

    http.expectOne('/api/availability').flush(null, UNAUTHORIZED);
    http.expectOne('/api/shelters').flush(null, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush({ expiresIn: 3600 });

    expect(http.match('/api/availability')).toHaveLength(1);
    expect(http.match('/api/shelters')).toHaveLength(1);
  });

  it('sends the person to sign in, to come back here, when the session cannot be refreshed', () => {
    let failed = false;
    TestBed.inject(HttpClient)
      .get('/api/availability')
      .subscribe({ error: () => (failed = true) });

    http.expectOne('/api/availability').flush(null, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush(null, UNAUTHORIZED);

    expect(failed).toBe(true);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], {
      queryParams: { returnUrl: '/', expired: 1 },
    });
  });

  it('lets a wrong password through as it is', () => {
    let status = 0;
    TestBed.inject(HttpClient)
      .post('/api/auth/login', {})
      .subscribe({ error: (error: { status: number }) => (status = error.status) });

    http.expectOne('/api/auth/login').flush(null, UNAUTHORIZED);

    expect(status).toBe(401);
    http.expectNone('/api/auth/refresh');
  });
});
