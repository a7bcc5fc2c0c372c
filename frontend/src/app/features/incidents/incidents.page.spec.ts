import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTranslocoTranspiler } from '@jsverse/transloco';
import type { ClientSearchPage, Me } from '@acimtl/contracts';
import { SessionStore } from '../../core/auth/session.store';
import { IcuTranspiler } from '../../core/i18n/icu.transpiler';
import '../../core/i18n/locale-data';
import { IncidentsPage } from './incidents.page';
import { buttonNamed, settle as settleFixture } from '../../../testing/dom';
import { frenchTranslations } from '../../../testing/i18n';

const SHELTER = '11111111-1111-4111-8111-111111111111';
const INCIDENTS_URL = `/api/shelters/${SHELTER}/incidents`;
const coordinator: Me = {
  id: 'user-1',
  email: 'coordination@refuge.example',
  givenName: 'Julie',
  familyName: 'Gagnon',
  role: 'coordinator',
  locale: 'fr',
  shelters: [{ id: SHELTER, name: 'Maison du Vieux-Port' }],
};
const tremblays: ClientSearchPage = {
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
    {
      id: 'client-7',
      givenName: 'Marc',
      familyName: 'Tremblay',
      alias: null,
      birthYear: 1980,
      similarity: 0.7,
      access: 'limited',
    },
  ],
  page: 1,
  pageSize: 20,
  hasMore: false,
};

describe('IncidentsPage', () => {
  let fixture: ComponentFixture<IncidentsPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [IncidentsPage, frenchTranslations()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslocoTranspiler(IcuTranspiler),
      ],
    });
    http = TestBed.inject(HttpTestingController);

    const signedIn = TestBed.inject(SessionStore).ensureLoaded();
    http.expectOne('/api/auth/me').flush(coordinator);
    await signedIn;

    fixture = TestBed.createComponent(IncidentsPage);
    fixture.detectChanges();
    await settle();
    http.expectOne((request) => request.url === INCIDENTS_URL).flush([]);
    http.expectOne((request) => request.url === `/api/shelters/${SHELTER}/turnaways`).flush([]);
    await settle();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const involved = () =>
    [...element().querySelectorAll('[data-testid=involved-clients] li > span')].map(
      (item) => item.textContent,
    );
  const matches = () =>
    [...element().querySelectorAll('[data-testid=client-match] .name')].map(
      (match) => match.textContent,
    );

  const buttonIn = (selector: string, text: string) =>
    buttonNamed(element().querySelector(selector)!, text);

  const settle = (ms = 0) => settleFixture(fixture, ms);

  async function search(q: string, answer: ClientSearchPage): Promise<void> {
    const box = element().querySelector('[data-testid=client-search]') as HTMLInputElement;
    box.value = q;
    box.dispatchEvent(new Event('input'));
    await settle(350);
    http.expectOne((request) => request.params.get('q') === q).flush(answer);
    await settle();
  }

  async function pick(name: string): Promise<void> {
    buttonIn('[data-testid=client-match]', name).click();
    await settle();
  }

  function fill(control: string, value: string): void {
    const field = element().querySelector(`[formcontrolname=${control}]`) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  // The options of an open select are rendered in the overlay, outside the page.
  async function choose(control: string, text: string): Promise<void> {
    const select = element().querySelector(`mat-select[formcontrolname=${control}]`);
    (select?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await settle();
    const option = [...document.querySelectorAll('mat-option')].find(
      (candidate) => candidate.textContent?.trim() === text,
    ) as HTMLElement | undefined;
    if (!option) {
      throw new Error(`No option "${text}" for ${control}`);
    }
    option.click();
    await settle();
  }

  async function recordIncident(): Promise<TestRequest> {
    fill('occurredAt', '2026-12-03T22:30');
    await choose('type', 'Violence');
    await choose('severity', 'Élevée');
    fill('description', 'Bagarre au dortoir');
    buttonIn('section[aria-labelledby=record-incident]', 'Consigner').click();
    await settle();

    return http.expectOne('/api/incidents');
  }

  it('adds a person picked from a search, by name', async () => {
    expect(element().textContent).toContain("Personne n'est ajouté pour l'instant.");

    await search('tremblay', tremblays);
    await pick('Hélène Tremblay');

    expect(involved()).toEqual(['Hélène Tremblay']);
    expect(element().textContent).not.toContain("Personne n'est ajouté pour l'instant.");
  });

  it('leaves a person already added out of the matches', async () => {
    await search('tremblay', tremblays);
    await pick('Hélène Tremblay');
    await search('tremb', tremblays);

    expect(matches()).toEqual(['Marc Tremblay']);
  });

  it('takes a removed person off the incident', async () => {
    await search('tremblay', tremblays);
    await pick('Hélène Tremblay');
    await search('tremb', tremblays);
    await pick('Marc Tremblay');
    buttonIn('[data-testid=involved-clients]', 'Hélène Tremblay').click();
    await settle();

    expect(involved()).toEqual(['Marc Tremblay']);
    expect((await recordIncident()).request.body).toMatchObject({ clientIds: ['client-7'] });
  });

  it('records the incident with exactly the people added', async () => {
    await search('tremblay', tremblays);
    await pick('Hélène Tremblay');
    await search('tremb', tremblays);
    await pick('Marc Tremblay');

    expect((await recordIncident()).request.body).toEqual({
      shelterId: SHELTER,
      occurredAt: new Date('2026-12-03T22:30').toISOString(),
      type: 'violence',
      severity: 'high',
      description: 'Bagarre au dortoir',
      clientIds: ['client-1', 'client-7'],
    });
  });

  it('records an incident nobody was added to with an empty list', async () => {
    expect((await recordIncident()).request.body).toMatchObject({ clientIds: [] });
  });

  it('starts the next incident with nobody added', async () => {
    await search('tremblay', tremblays);
    await pick('Hélène Tremblay');
    (await recordIncident()).flush({});
    await settle();
    http.expectOne((request) => request.url === INCIDENTS_URL).flush([]);
    await settle();

    expect(involved()).toEqual([]);
    expect(element().textContent).toContain("Personne n'est ajouté pour l'instant.");
  });

  it("shows the server's refusal next to the field it names", async () => {
    (await recordIncident()).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        requestId: 'request-1',
        details: [{ field: 'description', messages: ['description is too long'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    const description = element().querySelector('[formcontrolname=description]')!;
    expect(
      description.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim(),
    ).toBe('Le serveur a refusé cette valeur.');
  });
});
