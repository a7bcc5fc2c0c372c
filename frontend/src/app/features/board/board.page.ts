import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { describeError } from '../../core/api/api-error';
import { FrontDeskApi } from '../../core/data/front-desk.api';
import { LanguageService } from '../../core/i18n/language.service';
import { every } from '../../shared/format/clock';
import { hydrated } from '../../shared/ui/hydrated';
import { ConfirmDialog, type ConfirmData } from '../../shared/ui/confirm-dialog';
import { LoadState } from '../../shared/ui/load-state';
import { type BedAction, BedCard } from './bed-card';
import { type BoardBed, BoardStore } from './board.store';
import { CheckInDialog, type CheckInData } from './check-in-dialog';
import { CheckOutDialog } from './check-out-dialog';
import { HoldDialog } from './hold-dialog';
import { MoveDialog, type MoveData } from './move-dialog';

const REFRESH_MS = 30_000;

/** A shelter's board: every bed tonight, and the front desk's actions on each. */
@Component({
  selector: 'aci-board-page',
  imports: [DatePipe, MatButtonModule, TranslocoPipe, LoadState, BedCard],
  providers: [BoardStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './board.page.scss',
  template: `
    @if (store.board.hasValue() && store.board.value(); as board) {
      <div class="heading">
        <h1>{{ board.shelter.name }}</h1>
        <p class="generated" aria-live="polite">
          {{
            'tonight.generatedAt'
              | transloco: { time: (board.generatedAt | date: 'shortTime' : undefined : locale()) }
          }}
          <button mat-button type="button" (click)="store.refresh()">
            {{ 'common.refresh' | transloco }}
          </button>
        </p>
      </div>
      <ul class="counts" [attr.aria-label]="'board.counts' | transloco">
        <li class="available">
          {{ 'board.count.available' | transloco: { n: store.counts().available } }}
        </li>
        <li class="held">{{ 'board.count.held' | transloco: { n: store.counts().held } }}</li>
        <li class="occupied">
          {{ 'board.count.occupied' | transloco: { n: store.counts().occupied } }}
        </li>
        <li class="out-of-service">
          {{ 'board.count.out-of-service' | transloco: { n: store.counts()['out-of-service'] } }}
        </li>
      </ul>
      @for (room of board.rooms; track room.id) {
        <section class="room" [attr.aria-labelledby]="'room-' + room.id">
          <h2 [id]="'room-' + room.id">{{ room.name }}</h2>
          @if (room.beds.length === 0) {
            <p>{{ 'board.noBeds' | transloco }}</p>
          }
          <div class="beds">
            @for (bed of room.beds; track bed.id) {
              <aci-bed-card
                [bed]="bed"
                [locale]="locale()"
                [ready]="ready()"
                (action)="act(bed, $event)"
              />
            }
          </div>
        </section>
      } @empty {
        <aci-load-state [empty]="true" emptyKey="board.noRooms" />
      }
    } @else {
      <h1>{{ 'board.title' | transloco }}</h1>
      <aci-load-state
        [loading]="store.board.isLoading()"
        [error]="store.board.error()"
        (retry)="store.board.reload()"
      />
    }
  `,
})
export class BoardPage {
  protected readonly store = inject(BoardStore);
  private readonly api = inject(FrontDeskApi);
  private readonly dialogs = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly locale = inject(LanguageService).current;
  protected readonly ready = hydrated();

  /** The shelter whose board this is (route parameter). */
  readonly shelterId = input.required<string>();

  constructor() {
    effect(() => this.store.shelterId.set(this.shelterId()));
    every(REFRESH_MS, () => this.store.refresh());
  }

  protected async act(bed: BoardBed, action: BedAction): Promise<void> {
    const done = await this.run(bed, action);
    if (done) {
      this.say(`board.done.${action}`, { bed: bed.label });
      this.store.board.reload();
    }
  }

  private async run(bed: BoardBed, action: BedAction): Promise<boolean> {
    switch (action) {
      case 'check-in':
        return this.open(CheckInDialog, { shelterId: this.shelterId(), bed } as CheckInData);
      case 'hold':
        return this.open(HoldDialog, bed);
      case 'move':
        return this.open(MoveDialog, { bed, freeBeds: this.store.availableBeds() } as MoveData);
      case 'check-out':
        return this.open(CheckOutDialog, bed);
      case 'release':
        return this.release(bed);
    }
  }

  private async release(bed: BoardBed): Promise<boolean> {
    const hold = bed.hold;
    const confirmed =
      hold &&
      (await this.open(ConfirmDialog, {
        title: 'release.title',
        message: 'release.message',
        confirm: 'release.confirm',
        params: { bed: bed.label, name: hold.displayName ?? '—' },
      } as ConfirmData));
    if (!hold || !confirmed) {
      return false;
    }
    try {
      await firstValueFrom(this.api.release(hold.id));

      return true;
    } catch (error) {
      this.say(describeError(error).key);

      return false;
    }
  }

  private async open<D>(component: Parameters<MatDialog['open']>[0], data: D): Promise<boolean> {
    const dialog = this.dialogs.open(component, { data, width: '40rem', maxWidth: '95vw' });

    return (await firstValueFrom(dialog.afterClosed())) === true;
  }

  private say(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 4000 });
  }
}
