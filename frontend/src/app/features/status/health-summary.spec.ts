import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import '../../core/i18n/locale-data';
import type { Readiness } from './health.service';
import { HealthSummary } from './health-summary';

const checkedAt = new Date('2026-12-03T22:15:00Z');

function render(readiness: Readiness, lang: 'fr' | 'en' = 'fr'): HTMLElement {
  TestBed.configureTestingModule({
    imports: [
      HealthSummary,
      TranslocoTestingModule.forRoot({
        langs: { fr, en },
        translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: lang },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(HealthSummary);
  fixture.componentRef.setInput('readiness', readiness);
  fixture.componentRef.setInput('locale', lang);
  fixture.detectChanges();

  return fixture.nativeElement as HTMLElement;
}

function verdict(element: HTMLElement): string {
  return element.querySelector('[data-testid=api-status]')?.textContent?.trim() ?? '';
}

describe('HealthSummary', () => {
  it('says the API is up and lists every dependency as up', () => {
    const element = render({
      state: 'healthy',
      checkedAt,
      report: {
        status: 'ok',
        details: {
          database: { status: 'up' },
          storage: { status: 'up' },
          identity: { status: 'up' },
        },
      },
    });

    expect(verdict(element)).toBe("L'API est en service.");
    expect(element.querySelectorAll('li.up')).toHaveLength(3);
  });

  it('names the dependency that is down, in words as well as colour', () => {
    const element = render(
      {
        state: 'degraded',
        checkedAt,
        report: {
          status: 'error',
          details: { database: { status: 'down', message: 'timeout' }, storage: { status: 'up' } },
        },
      },
      'en',
    );
    const down = element.querySelector('li.down');

    expect(verdict(element)).toBe('The API answers, but a dependency is down.');
    expect(down?.getAttribute('data-check')).toBe('database');
    expect(down?.textContent).toContain('Database');
    expect(down?.textContent).toContain('Down');
  });

  it('shows no dependency list when the API does not answer', () => {
    const element = render({ state: 'unreachable', checkedAt });

    expect(verdict(element)).toBe("L'API ne répond pas.");
    expect(element.querySelector('ul')).toBeNull();
  });
});
