import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { ClientSearchPage } from '@acimtl/contracts';
import type { BoardBed } from './board.store';
import { HoldDialog } from './hold-dialog';
import { buttonNamed, settle as settleFixture } from '../../../testing/dom';
import { frenchTranslations } from '../../../testing/i18n';

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
const marc: ClientSearchPage = {
  items: [
    {
      id: 'client-7',
      givenName: 'Marc',
      familyName: 'Bélanger',
      alias: null,
      birthYear: 1980,
      similarity: 0.9,
      access: 'limited',
    },
  ],
  page: 1,
  pageSize: 20,
  hasMore: false,
};

describe('HoldDialog', () => {
  let fixture: ComponentFixture<HoldDialog>;
  let http: HttpTestingController;
  const close = vi.fn();

  beforeEach(() => {
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [HoldDialog, frenchTranslations()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: bed },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HoldDialog);
    fixture.detectChanges();
  });

  const element = () => fixture.nativeElement as HTMLElement;

  const button = (text: string) => buttonNamed(element(), text);

  const settle = (ms = 0) => settleFixture(fixture, ms);

  async function search(q: string): Promise<void> {
    const box = element().querySelector('input[type=search]') as HTMLInputElement;
    box.value = q;
    box.dispatchEvent(new Event('input'));
    await settle(350);
  }

  it('holds the bed for a client on file, picked from a search', async () => {
    await search('marc belanger');
    http.expectOne((request) => request.url === '/api/clients').flush(marc);
    await settle();
    button('Choisir').click();
    await settle();

    expect(element().querySelector('[data-testid=hold-picked]')?.textContent).toContain(
      'Réservé pour Marc Bélanger.',
    );
    button('Réserver le lit').click();
    await settle();

    const hold = http.expectOne('/api/holds');
    expect(hold.request.body).toEqual({ bedId: 'bed-1', clientId: 'client-7', minutes: 150 });
    hold.flush({});
    await settle();
    expect(close).toHaveBeenCalledWith(true);
  });

  it('asks for the person before holding for a client on file', async () => {
    button('Réserver le lit').click();
    await settle();

    expect(element().querySelector('[role=alert]')?.textContent).toContain(
      'Choisissez la personne',
    );
    http.expectNone('/api/holds');
  });

  it('holds the bed for a referral named by hand', async () => {
    const referral = element().querySelectorAll('input[type=radio]')[1] as HTMLInputElement;
    referral.click();
    await settle();
    const name = element().querySelector('input[formcontrolname=referralName]') as HTMLInputElement;
    name.value = '  Référence CLSC  ';
    name.dispatchEvent(new Event('input'));
    button('Réserver le lit').click();
    await settle();

    const hold = http.expectOne('/api/holds');
    expect(hold.request.body).toEqual({
      bedId: 'bed-1',
      referralName: 'Référence CLSC',
      minutes: 150,
    });
  });
});
