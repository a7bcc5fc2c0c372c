import { TestBed } from '@angular/core/testing';
import {
  provideTranslocoTranspiler,
  TranslocoService,
  TranslocoTestingModule,
} from '@jsverse/transloco';
import { IcuTranspiler, resolveIcu } from './icu.transpiler';

const BEDS = '{n, plural, =0 {aucun lit libre} one {# lit libre} other {# lits libres}}';

describe('resolveIcu', () => {
  it('reads one bed in the singular', () => {
    expect(resolveIcu(BEDS, { n: 1 }, 'fr')).toBe('1 lit libre');
  });

  it('reads several beds in the plural', () => {
    expect(resolveIcu(BEDS, { n: 3 }, 'fr')).toBe('3 lits libres');
  });

  it('prefers an exact match to the plural category', () => {
    expect(resolveIcu(BEDS, { n: 0 }, 'fr')).toBe('aucun lit libre');
  });

  it('follows the rules of the language: zero is singular in French, plural in English', () => {
    const message = '{n, plural, one {# shelter} other {# shelters}}';

    expect(resolveIcu(message, { n: 0 }, 'fr')).toBe('0 shelter');
    expect(resolveIcu(message, { n: 0 }, 'en')).toBe('0 shelters');
  });

  it('leaves double-brace placeholders and the text around the argument alone', () => {
    const message = 'Dans {{ place }} : {n, plural, one {# lit} other {# lits}}.';

    expect(resolveIcu(message, { n: 2 }, 'fr')).toBe('Dans {{ place }} : 2 lits.');
  });

  it('resolves two arguments of one message, and a select', () => {
    const message =
      '{beds, plural, one {# lit} other {# lits}} dans {shelters, plural, one {# refuge} other {# refuges}}, {kind, select, crib {berceau} other {lit}}';

    expect(resolveIcu(message, { beds: 1, shelters: 4, kind: 'crib' }, 'fr')).toBe(
      '1 lit dans 4 refuges, berceau',
    );
  });
});

describe(IcuTranspiler.name, () => {
  it('translates a count in the active language', () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            fr: { beds: '{n, plural, one {# lit} other {# lits}} à {{ where }}' },
            en: { beds: '{n, plural, one {# bed} other {# beds}} at {{ where }}' },
          },
          translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [provideTranslocoTranspiler(IcuTranspiler)],
    });
    const transloco = TestBed.inject(TranslocoService);

    transloco.setActiveLang('fr');
    const french = transloco.translate('beds', { n: 1, where: 'Montréal' });
    transloco.setActiveLang('en');
    const english = transloco.translate('beds', { n: 1, where: 'Montreal' });

    expect(french).toBe('1 lit à Montréal');
    expect(english).toBe('1 bed at Montreal');
  });
});
