import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import '../../core/i18n/locale-data';
import { type BedAction, BedCard } from './bed-card';
import type { BoardBed } from './board.store';

const free: BoardBed = {
  id: 'bed-1',
  label: 'A-01',
  kind: 'bed',
  accessible: true,
  lowerBunk: false,
  status: 'available',
  outOfServiceReason: null,
  stay: null,
  hold: null,
};

function render(bed: BoardBed, lang: 'fr' | 'en' = 'fr') {
  TestBed.configureTestingModule({
    imports: [
      BedCard,
      TranslocoTestingModule.forRoot({
        langs: { fr, en },
        translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: lang },
        preloadLangs: true,
      }),
    ],
    providers: [provideRouter([])],
  });
  const fixture = TestBed.createComponent(BedCard);
  fixture.componentRef.setInput('bed', bed);
  fixture.componentRef.setInput('locale', lang);
  fixture.detectChanges();
  const actions: BedAction[] = [];
  fixture.componentInstance.action.subscribe((action) => actions.push(action));

  return { element: fixture.nativeElement as HTMLElement, actions };
}

function buttons(element: HTMLElement): string[] {
  return [...element.querySelectorAll('button')].map((b) => b.textContent!.trim());
}

describe('BedCard', () => {
  it('says a free bed is free in words, and offers check-in and hold', () => {
    const { element, actions } = render(free);

    expect(element.querySelector('.status')?.textContent).toContain('Libre');
    expect(buttons(element)).toEqual(['Admettre A-01', 'Réserver A-01']);
    element.querySelector('button')!.click();
    expect(actions).toEqual(['check-in']);
  });

  it('names who is in an occupied bed and offers move and check-out', () => {
    const { element, actions } = render(
      {
        ...free,
        status: 'occupied',
        stay: {
          id: 'stay-1',
          clientId: 'c-1',
          displayName: 'Marc Côté',
          checkedInAt: '2026-12-03T23:00:00Z',
        },
      },
      'en',
    );

    expect(element.querySelector('.status')?.textContent).toContain('Occupied');
    expect(element.querySelector('.who a')?.textContent).toBe('Marc Côté');
    expect(buttons(element)).toEqual(['Move A-01', 'Check out A-01']);
    element.querySelectorAll('button')[1].click();
    expect(actions).toEqual(['check-out']);
  });

  it('offers nothing on a bed out of service, and gives the reason', () => {
    const { element } = render({
      ...free,
      status: 'out-of-service',
      outOfServiceReason: 'Matelas à remplacer',
    });

    expect(element.querySelector('.status')?.textContent).toContain('Hors service');
    expect(element.textContent).toContain('Matelas à remplacer');
    expect(buttons(element)).toEqual([]);
  });
});
