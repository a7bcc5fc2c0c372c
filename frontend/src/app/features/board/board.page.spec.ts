import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslocoTranspiler } from '@jsverse/transloco';
import type { Board } from '@acimtl/contracts';
import { IcuTranspiler } from '../../core/i18n/icu.transpiler';
import '../../core/i18n/locale-data';
import { BoardPage } from './board.page';
import { frenchTranslations } from '../../../testing/i18n';

const SHELTER = 'shelter-1';

function render() {
  TestBed.configureTestingModule({
    imports: [BoardPage, frenchTranslations()],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTranslocoTranspiler(IcuTranspiler),
    ],
  });
  const fixture = TestBed.createComponent(BoardPage);
  fixture.componentRef.setInput('shelterId', SHELTER);
  fixture.detectChanges();

  return { fixture, http: TestBed.inject(HttpTestingController) };
}

async function settle(fixture: { detectChanges(): void }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  fixture.detectChanges();
}

describe('BoardPage', () => {
  it('lists the rooms and counts the beds by status', async () => {
    const { fixture, http } = render();
    const board: Board = {
      shelter: { id: SHELTER, name: 'Maison du Vieux-Port' },
      generatedAt: '2026-12-03T23:00:00Z',
      rooms: [
        {
          id: 'room-1',
          name: 'Dortoir A',
          beds: [
            {
              id: 'bed-1',
              label: 'A-01',
              kind: 'bed',
              accessible: false,
              lowerBunk: false,
              status: 'available',
              outOfServiceReason: null,
              stay: null,
              hold: null,
            },
          ],
        },
      ],
    };
    await settle(fixture);
    http.expectOne(`/api/shelters/${SHELTER}/board`).flush(board);
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('h1')?.textContent).toBe('Maison du Vieux-Port');
    expect(element.querySelector('h2')?.textContent).toBe('Dortoir A');
    expect(element.querySelector('.counts')?.textContent).toContain('1 lit libre');
    expect(element.querySelector('.counts')?.textContent).not.toContain('lits libres');
  });

  it('says the board may not be opened, rather than loading forever', async () => {
    const { fixture, http } = render();
    await settle(fixture);
    http
      .expectOne(`/api/shelters/${SHELTER}/board`)
      .flush(
        { statusCode: 403, code: 'FORBIDDEN', message: 'x', requestId: 'r' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('[role=alert]')?.textContent).toContain(
      "Vous n'avez pas le droit de faire ceci.",
    );
    expect(element.querySelector('mat-progress-bar')).toBeNull();
  });
});
