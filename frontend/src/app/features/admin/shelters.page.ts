import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, type Observable } from 'rxjs';
import type { BedView, RoomView, ShelterView } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { ConfirmDialog, type ConfirmData } from '../../shared/ui/confirm-dialog';
import { hydrated } from '../../shared/ui/hydrated';
import { LoadState } from '../../shared/ui/load-state';
import { PromptDialog, type PromptData } from '../../shared/ui/prompt-dialog';
import { BedDialog, type BedDialogData } from './bed-dialog';
import { ShelterDialog } from './shelter-dialog';
import { SheltersApi } from './shelters.api';
import { valueOf } from '../../shared/data/value-of';

/** Administration of the shelter registry: shelters, their rooms and their beds. */
@Component({
  selector: 'aci-shelters-page',
  imports: [MatButtonModule, TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./admin.scss', './shelters.page.scss'],
  template: `
    <div class="heading">
      <h1>{{ 'shelters.title' | transloco }}</h1>
      <button mat-flat-button type="button" [disabled]="!ready()" (click)="editShelter(null)">
        {{ 'shelters.new' | transloco }}
      </button>
    </div>
    @if (shelters.hasValue() && shelters.value(); as list) {
      <div class="layout">
        <nav class="list" [attr.aria-label]="'shelters.title' | transloco">
          <ul>
            @for (shelter of list; track shelter.id) {
              <li>
                <button
                  type="button"
                  class="pick"
                  [class.selected]="shelter.id === selectedId()"
                  [attr.aria-current]="shelter.id === selectedId() ? 'true' : null"
                  (click)="chosenId.set(shelter.id)"
                >
                  {{ shelter.name }}
                  @if (!shelter.active) {
                    <span class="meta">{{ 'shelters.inactive' | transloco }}</span>
                  }
                </button>
              </li>
            } @empty {
              <li>{{ 'shelters.none' | transloco }}</li>
            }
          </ul>
        </nav>
        <div class="detail">
          @if (detail.hasValue() && detail.value(); as shelter) {
            <div class="heading">
              <h2>{{ shelter.name }}</h2>
              <div class="buttons">
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="!ready()"
                  (click)="editShelter(shelter)"
                >
                  {{ 'common.edit' | transloco }}
                </button>
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="!ready()"
                  (click)="addRoom(shelter.id)"
                >
                  {{ 'shelters.addRoom' | transloco }}
                </button>
              </div>
            </div>
            <p>
              {{ shelter.street }}, {{ shelter.city }} {{ shelter.postalCode }} ·
              {{ shelter.phone }}
              @if (shelter.intakeHours) {
                · {{ shelter.intakeHours }}
              }
            </p>
            @for (room of shelter.rooms; track room.id) {
              <section class="room" [attr.aria-labelledby]="'admin-room-' + room.id">
                <div class="heading">
                  <h3 [id]="'admin-room-' + room.id">
                    {{ room.name }}
                    @if (!room.active) {
                      <span class="meta">{{ 'shelters.inactive' | transloco }}</span>
                    }
                  </h3>
                  <div class="buttons">
                    <button
                      mat-button
                      type="button"
                      [disabled]="!ready()"
                      (click)="renameRoom(shelter.id, room)"
                    >
                      {{ 'shelters.renameRoom' | transloco
                      }}<span class="cdk-visually-hidden"> — {{ room.name }}</span>
                    </button>
                    <button
                      mat-button
                      type="button"
                      [disabled]="!ready()"
                      (click)="toggleRoom(shelter.id, room)"
                    >
                      {{
                        (room.active ? 'shelters.deactivateRoom' : 'shelters.reactivateRoom')
                          | transloco
                      }}<span class="cdk-visually-hidden"> — {{ room.name }}</span>
                    </button>
                    <button
                      mat-button
                      type="button"
                      [disabled]="!ready()"
                      (click)="addBed(shelter.id, room)"
                    >
                      {{ 'shelters.addBed' | transloco
                      }}<span class="cdk-visually-hidden"> — {{ room.name }}</span>
                    </button>
                  </div>
                </div>
                @if (room.beds.length > 0) {
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{{ 'shelters.bed' | transloco }}</th>
                        <th scope="col">{{ 'shelters.kind' | transloco }}</th>
                        <th scope="col">{{ 'shelters.state' | transloco }}</th>
                        <th scope="col">
                          <span class="cdk-visually-hidden">{{
                            'common.actions' | transloco
                          }}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (bed of room.beds; track bed.id) {
                        <tr>
                          <th scope="row">{{ bed.label }}</th>
                          <td>
                            {{ 'bed.kind.' + bed.kind | transloco }}
                            @if (bed.accessible) {
                              · {{ 'bed.accessible' | transloco }}
                            }
                            @if (bed.lowerBunk) {
                              · {{ 'bed.lowerBunk' | transloco }}
                            }
                          </td>
                          <td>
                            @if (bed.outOfService) {
                              {{ 'bed.status.out-of-service' | transloco }} —
                              {{ bed.outOfServiceReason }}
                            } @else {
                              {{ 'shelters.inService' | transloco }}
                            }
                          </td>
                          <td>
                            <button
                              mat-button
                              type="button"
                              [disabled]="!ready()"
                              (click)="editBed(shelter.id, bed)"
                            >
                              {{ 'common.edit' | transloco }}
                              <span class="cdk-visually-hidden"> — {{ bed.label }}</span>
                            </button>
                            <button
                              mat-button
                              type="button"
                              [disabled]="!ready()"
                              (click)="toggleService(shelter.id, bed)"
                            >
                              {{
                                (bed.outOfService
                                  ? 'shelters.backInService'
                                  : 'shelters.outOfService'
                                ) | transloco
                              }}
                              <span class="cdk-visually-hidden"> — {{ bed.label }}</span>
                            </button>
                          </td>
                        </tr>
                      }
                    </tbody>
                  </table>
                } @else {
                  <p class="meta">{{ 'board.noBeds' | transloco }}</p>
                }
              </section>
            } @empty {
              <aci-load-state [empty]="true" emptyKey="board.noRooms" />
            }
          } @else {
            <aci-load-state
              [loading]="detail.isLoading()"
              [error]="detail.error()"
              (retry)="detail.reload()"
            />
          }
        </div>
      </div>
    } @else {
      <aci-load-state
        [loading]="shelters.isLoading()"
        [error]="shelters.error()"
        (retry)="shelters.reload()"
      />
    }
  `,
})
export class SheltersPage {
  private readonly api = inject(SheltersApi);
  private readonly dialogs = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  // Actions wait for the browser: a dialog opened on the server-rendered page would be lost.
  protected readonly ready = hydrated();
  protected readonly shelters = rxResource({ stream: () => this.api.list() });
  protected readonly chosenId = signal<string | null>(null);
  protected readonly selectedId = computed(
    () => this.chosenId() ?? valueOf(this.shelters)?.[0]?.id ?? null,
  );
  protected readonly detail = rxResource({
    params: () => this.selectedId() ?? undefined,
    stream: ({ params }) => this.api.get(params),
  });

  protected async editShelter(shelter: ShelterView | null): Promise<void> {
    const dialog = this.dialogs.open(ShelterDialog, {
      data: shelter,
      width: '36rem',
      maxWidth: '95vw',
    });
    if ((await firstValueFrom(dialog.afterClosed())) === true) {
      this.say('shelters.saved');
      this.shelters.reload();
      this.detail.reload();
    }
  }

  protected async addRoom(shelterId: string): Promise<void> {
    const name = await this.prompt({
      title: 'shelters.addRoom',
      label: 'shelters.roomName',
      confirm: 'common.add',
      minLength: 1,
      maxLength: 100,
    });
    if (name) {
      await this.perform(this.api.addRoom(shelterId, name));
    }
  }

  protected async addBed(shelterId: string, room: RoomView): Promise<void> {
    const label = await this.prompt({
      title: 'shelters.addBedTo',
      label: 'shelters.bedLabel',
      confirm: 'common.add',
      minLength: 1,
      maxLength: 50,
      params: { room: room.name },
    });
    if (label) {
      await this.perform(this.api.addBed(shelterId, room.id, label, 'bed'));
    }
  }

  protected async renameRoom(shelterId: string, room: RoomView): Promise<void> {
    const name = await this.prompt({
      title: 'shelters.renameRoomTitle',
      label: 'shelters.roomName',
      confirm: 'common.save',
      minLength: 1,
      maxLength: 100,
      params: { room: room.name },
      initial: room.name,
    });
    if (name && name !== room.name) {
      await this.perform(this.api.updateRoom(shelterId, room.id, { name }));
    }
  }

  protected async toggleRoom(shelterId: string, room: RoomView): Promise<void> {
    if (!room.active) {
      await this.perform(this.api.updateRoom(shelterId, room.id, { active: true }));

      return;
    }

    const dialog = this.dialogs.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
      data: {
        title: 'shelters.deactivateRoomTitle',
        message: 'shelters.deactivateRoomMessage',
        confirm: 'shelters.deactivateRoom',
        params: { room: room.name, beds: room.beds.length },
      },
      width: '28rem',
      maxWidth: '95vw',
    });
    if ((await firstValueFrom(dialog.afterClosed())) === true) {
      await this.perform(this.api.updateRoom(shelterId, room.id, { active: false }));
    }
  }

  protected async editBed(shelterId: string, bed: BedView): Promise<void> {
    const dialog = this.dialogs.open<BedDialog, BedDialogData, boolean>(BedDialog, {
      data: { shelterId, bed },
      width: '28rem',
      maxWidth: '95vw',
    });
    if ((await firstValueFrom(dialog.afterClosed())) === true) {
      this.say('shelters.saved');
      this.detail.reload();
    }
  }

  protected async toggleService(shelterId: string, bed: BedView): Promise<void> {
    if (bed.outOfService) {
      await this.perform(this.api.updateBed(shelterId, bed.id, { outOfService: false }));

      return;
    }
    const reason = await this.prompt({
      title: 'shelters.outOfServiceTitle',
      label: 'shelters.outOfServiceReason',
      confirm: 'shelters.outOfService',
      minLength: 2,
      maxLength: 500,
      params: { bed: bed.label },
    });
    if (reason) {
      await this.perform(
        this.api.updateBed(shelterId, bed.id, { outOfService: true, outOfServiceReason: reason }),
      );
    }
  }

  private async prompt(data: PromptData): Promise<string | undefined> {
    const dialog = this.dialogs.open<PromptDialog, PromptData, string>(PromptDialog, {
      data,
      width: '28rem',
      maxWidth: '95vw',
    });

    return firstValueFrom(dialog.afterClosed());
  }

  private async perform(call: Observable<unknown>): Promise<void> {
    try {
      await firstValueFrom(call);
      this.say('shelters.saved');
      this.detail.reload();
    } catch (error) {
      this.say(describeError(error).key);
    }
  }

  private say(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
