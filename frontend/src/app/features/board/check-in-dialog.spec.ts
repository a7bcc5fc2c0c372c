import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ClientSearchPage, RestrictionView } from '@acimtl/contracts';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import '../../core/i18n/locale-data';
import type { BoardBed } from './board.store';
import { CheckInDialog, type CheckInData } from './check-in-dialog';
import { buttonNamed, settle as settleFixture } from '../../../testing/dom';

const SHELTER = '11111111-1111-4111-8111-111111111111';
const bed: BoardBed = {
  id: 'bed-1',
  label: 'A-01',
  kind: 'bed',
  accessible: false,
  lowerBunk: false,
  status: 'available',
  outOfServiceReason: null,
  stay: null,
  hold: null,
};
const helene: ClientSearchPage = {
  items: [
    {
      id: 'client-1',
      givenName: 'Hélène',
      familyName: 'Tremblay',
      alias: null,
      birthYear: 1971,
      similarity: 0.8,
      access: 'full',
    },
  ],
  page: 1,
  pageSize: 20,
  hasMore: false,
};
const barred: RestrictionView = {
  id: 'r-1',
  clientId: 'client-1',
  shelterId: SHELTER,
  category: 'threats',
  description: 'Menaces envers le personnel',
  startsOn: '2026-11-01',
  endsOn: '2027-01-31',
  createdBy: 'u-1',
  createdAt: '2026-11-01T00:00:00Z',
  liftedAt: null,
  liftReason: null,
  active: true,
};

describe('CheckInDialog', () => {
  let fixture: ComponentFixture<CheckInDialog>;
  let http: HttpTestingController;
  const close = vi.fn();

  beforeEach(() => {
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [
        CheckInDialog,
        TranslocoTestingModule.forRoot({
          langs: { fr, en },
          translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { shelterId: SHELTER, bed } satisfies CheckInData },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CheckInDialog);
    fixture.detectChanges();
  });

  const element = () => fixture.nativeElement as HTMLElement;

  const button = (text: string) => buttonNamed(element(), text);

  async function search(q: string): Promise<void> {
    const box = element().querySelector('input[type=search]') as HTMLInputElement;
    box.value = q;
    box.dispatchEvent(new Event('input'));
    await settle(350);
  }

  const settle = (ms = 0) => settleFixture(fixture, ms);

  it('offers to create a record only once a search has answered', async () => {
    expect(element().textContent).not.toContain('créer un dossier');

    await search('zoe inconnue');
    http
      .expectOne((request) => request.params.get('q') === 'zoe inconnue')
      .flush({
        ...helene,
        items: [],
      });
    await settle();

    expect(element().textContent).toContain('Aucun dossier ne correspond à « zoe inconnue »');
    expect(button('créer un dossier')).toBeTruthy();
  });

  it('shows an active restriction and asks for a written reason before checking in', async () => {
    await search('helene');
    http.expectOne((request) => request.url === '/api/clients').flush(helene);
    await settle();
    button('Choisir').click();
    await settle();
    http.expectOne('/api/clients/client-1/restrictions').flush([barred]);
    await settle();

    expect(element().querySelector('[data-testid=restriction-warning]')?.textContent).toContain(
      'Menaces envers le personnel',
    );
    button('Admettre malgré la restriction').click();
    await settle();
    http.expectNone('/api/stays');

    const reason = element().querySelector('textarea') as HTMLTextAreaElement;
    reason.value = 'Entente signée avec la coordonnatrice ce soir';
    reason.dispatchEvent(new Event('input'));
    button('Admettre malgré la restriction').click();
    await settle();

    const checkIn = http.expectOne('/api/stays');
    expect(checkIn.request.body).toEqual({
      clientId: 'client-1',
      bedId: 'bed-1',
      restrictionOverride: 'Entente signée avec la coordonnatrice ce soir',
    });
    checkIn.flush({});
    await settle();
    expect(close).toHaveBeenCalledWith(true);
  });
});
