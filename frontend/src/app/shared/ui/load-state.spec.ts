import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../i18n/en.json';
import { LoadState } from './load-state';

function render(inputs: Record<string, unknown>): HTMLElement {
  TestBed.configureTestingModule({
    imports: [
      LoadState,
      TranslocoTestingModule.forRoot({
        langs: { en },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ],
    providers: [provideRouter([])],
  });
  const fixture = TestBed.createComponent(LoadState);
  for (const [name, value] of Object.entries(inputs)) {
    fixture.componentRef.setInput(name, value);
  }
  fixture.detectChanges();

  return fixture.nativeElement as HTMLElement;
}

describe('LoadState', () => {
  it('says what failed and offers a retry', () => {
    const element = render({ error: new HttpErrorResponse({ status: 0 }) });

    expect(element.querySelector('[role=alert]')?.textContent).toContain(
      'The server could not be reached.',
    );
    expect(element.querySelector('button')?.textContent).toContain('Try again');
  });

  it('offers the way home instead of a retry when the page is not allowed', () => {
    const element = render({
      error: new HttpErrorResponse({
        status: 403,
        error: { statusCode: 403, code: 'FORBIDDEN', message: 'x', requestId: 'r' },
      }),
    });

    expect(element.textContent).toContain('You are not allowed to do this.');
    expect(element.querySelector('button')).toBeNull();
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/');
  });

  it('says there is nothing, in the words it was given', () => {
    const element = render({ empty: true, emptyKey: 'clients.noResults' });

    expect(element.textContent).toContain('No record matches this search.');
  });
});
