import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslocoTranspiler } from '@jsverse/transloco';
import type { ApiError, BedView } from '@acimtl/contracts';
import { IcuTranspiler } from '../../core/i18n/icu.transpiler';
import '../../core/i18n/locale-data';
import { BedDialog, type BedDialogData } from './bed-dialog';
import { settle as settleFixture } from '../../../testing/dom';
import { frenchTranslations } from '../../../testing/i18n';

const SHELTER = '11111111-1111-4111-8111-111111111111';
const bed: BedView = {
  id: 'bed-12',
  label: 'B-12',
  kind: 'mat',
  accessible: true,
  lowerBunk: false,
  outOfService: false,
  outOfServiceReason: null,
  active: true,
};
const BED_URL = `/api/shelters/${SHELTER}/beds/bed-12`;
const labelTaken: ApiError = {
  statusCode: 409,
  code: 'NAME_TAKEN',
  message: 'This room already has a bed with this label.',
  requestId: 'request-1',
};

describe('BedDialog', () => {
  let fixture: ComponentFixture<BedDialog>;
  let http: HttpTestingController;
  const close = vi.fn();

  beforeEach(() => {
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [BedDialog, frenchTranslations()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslocoTranspiler(IcuTranspiler),
        { provide: MAT_DIALOG_DATA, useValue: { shelterId: SHELTER, bed } satisfies BedDialogData },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BedDialog);
    fixture.detectChanges();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const label = () => element().querySelector('input[formcontrolname=label]') as HTMLInputElement;
  const submitButton = () => element().querySelector('button[type=submit]') as HTMLButtonElement;

  function checkbox(text: string): HTMLInputElement {
    const found = [...element().querySelectorAll('mat-checkbox')].find((candidate) =>
      candidate.textContent?.includes(text),
    );
    if (!found) {
      throw new Error(`No checkbox "${text}" in: ${element().textContent}`);
    }

    return found.querySelector('input[type=checkbox]') as HTMLInputElement;
  }

  function type(text: string): void {
    label().value = text;
    label().dispatchEvent(new Event('input'));
  }

  // The options of an open select are rendered in the overlay, outside the dialog.
  async function chooseKind(text: string): Promise<void> {
    (element().querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await settle();
    const option = [...document.querySelectorAll('mat-option')].find(
      (candidate) => candidate.textContent?.trim() === text,
    ) as HTMLElement | undefined;
    if (!option) {
      throw new Error(`No kind "${text}" among the options`);
    }
    option.click();
    await settle();
  }

  async function save(): Promise<void> {
    submitButton().click();
    await settle();
  }

  const settle = (ms = 0) => settleFixture(fixture, ms);

  it('opens with the bed as it is', async () => {
    await settle();

    expect(element().querySelector('h2')?.textContent).toBe('Modifier le lit B-12');
    expect(label().value).toBe('B-12');
    expect(element().querySelector('mat-select')?.textContent?.trim()).toBe('Matelas');
    expect(checkbox('Accessible').checked).toBe(true);
    expect(checkbox('Lit du bas').checked).toBe(false);
  });

  it('refuses an empty label and sends nothing', async () => {
    type('');
    await save();

    expect(element().querySelector('mat-error')?.textContent?.trim()).toBe('Obligatoire.');
    http.expectNone(BED_URL);
    expect(close).not.toHaveBeenCalled();
  });

  it('refuses a label of spaces only, as an empty one', async () => {
    type('   ');
    await save();

    expect(element().querySelector('mat-error')?.textContent?.trim()).toBe('Obligatoire.');
    http.expectNone(BED_URL);
  });

  it('marks the field the server refused', async () => {
    type('B-13');
    await save();

    http.expectOne(BED_URL).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        requestId: 'request-1',
        details: [{ field: 'label', messages: ['label must be shorter'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(element().querySelector('mat-error')?.textContent?.trim()).toBe(
      'Le serveur a refusé cette valeur.',
    );
  });

  it('refuses a label longer than fifty characters and sends nothing', async () => {
    type('B'.repeat(51));
    await save();

    expect(element().querySelector('mat-error')?.textContent?.trim()).toBe(
      'Au plus 50 caractères.',
    );
    http.expectNone(BED_URL);
  });

  it('sends the changed label, kind and attributes, then closes', async () => {
    type('  B-12 bis  ');
    await chooseKind('Lit de camp');
    checkbox('Accessible').click();
    checkbox('Lit du bas').click();
    await save();

    const update = http.expectOne(BED_URL);
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({
      label: 'B-12 bis',
      kind: 'cot',
      accessible: false,
      lowerBunk: true,
    });
    update.flush({ ...bed, label: 'B-12 bis', kind: 'cot', accessible: false, lowerBunk: true });
    await settle();
    expect(close).toHaveBeenCalledWith(true);
  });

  it('says why the server refused the change and stays open to correct it', async () => {
    type('B-13');
    await save();

    http.expectOne(BED_URL).flush(labelTaken, { status: 409, statusText: 'Conflict' });
    await settle();

    expect(element().querySelector('[role=alert]')?.textContent).toBe('Ce nom est déjà utilisé.');
    expect(close).not.toHaveBeenCalled();
    expect(submitButton().disabled).toBe(false);
  });
});
