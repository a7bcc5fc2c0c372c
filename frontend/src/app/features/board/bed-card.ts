import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BoardBed } from './board.store';

/** What the person at the desk can do from a bed. */
export type BedAction = 'check-in' | 'hold' | 'release' | 'move' | 'check-out';

// A shape as well as a colour, so status never rests on colour alone.
const STATUS_MARK: Record<BoardBed['status'], string> = {
  available: '○',
  held: '◐',
  occupied: '●',
  'out-of-service': '✕',
};

/** One bed: its status in words and colour, who is in it or held for, and what can be done. */
@Component({
  selector: 'aci-bed-card',
  imports: [DatePipe, MatButtonModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './bed-card.scss',
  host: { '[class]': 'bed().status', 'data-testid': 'bed' },
  template: `
    <div class="top">
      <span class="label">{{ bed().label }}</span>
      <span class="status">
        <span aria-hidden="true">{{ mark[bed().status] }}</span>
        {{ 'bed.status.' + bed().status | transloco }}
      </span>
    </div>
    <p class="details">
      {{ 'bed.kind.' + bed().kind | transloco }}
      @if (bed().accessible) {
        · {{ 'bed.accessible' | transloco }}
      }
      @if (bed().lowerBunk) {
        · {{ 'bed.lowerBunk' | transloco }}
      }
    </p>
    @if (bed().stay; as stay) {
      <p class="who">
        <a [routerLink]="['/clients', stay.clientId]">{{ stay.displayName }}</a>
        <span class="since">
          {{
            'bed.since'
              | transloco: { time: (stay.checkedInAt | date: 'short' : undefined : locale()) }
          }}
        </span>
      </p>
    } @else if (bed().hold; as hold) {
      <p class="who">
        {{ 'bed.heldFor' | transloco: { name: hold.displayName ?? '—' } }}
        <span class="since">
          {{
            'bed.until'
              | transloco: { time: (hold.expiresAt | date: 'shortTime' : undefined : locale()) }
          }}
        </span>
      </p>
    } @else if (bed().outOfServiceReason; as reason) {
      <p class="who">{{ reason }}</p>
    }
    <div class="actions">
      @switch (bed().status) {
        @case ('available') {
          <button mat-flat-button type="button" [disabled]="!ready()" (click)="act('check-in')">
            {{ 'board.checkIn' | transloco }}
            <span class="cdk-visually-hidden">{{ bed().label }}</span>
          </button>
          <button mat-stroked-button type="button" [disabled]="!ready()" (click)="act('hold')">
            {{ 'board.hold' | transloco }}
            <span class="cdk-visually-hidden">{{ bed().label }}</span>
          </button>
        }
        @case ('held') {
          <button mat-flat-button type="button" [disabled]="!ready()" (click)="act('check-in')">
            {{ 'board.checkIn' | transloco }}
            <span class="cdk-visually-hidden">{{ bed().label }}</span>
          </button>
          <button mat-stroked-button type="button" [disabled]="!ready()" (click)="act('release')">
            {{ 'board.release' | transloco }}
            <span class="cdk-visually-hidden">{{ bed().label }}</span>
          </button>
        }
        @case ('occupied') {
          <button mat-stroked-button type="button" [disabled]="!ready()" (click)="act('move')">
            {{ 'board.move' | transloco }}
            <span class="cdk-visually-hidden">{{ bed().label }}</span>
          </button>
          <button mat-flat-button type="button" [disabled]="!ready()" (click)="act('check-out')">
            {{ 'board.checkOut' | transloco }}
            <span class="cdk-visually-hidden">{{ bed().label }}</span>
          </button>
        }
      }
    </div>
  `,
})
export class BedCard {
  /** The bed as the board reports it. */
  readonly bed = input.required<BoardBed>();

  /** The interface language, for times. */
  readonly locale = input.required<string>();

  /** Whether the page runs in the browser yet; until then the actions are disabled. */
  readonly ready = input(true);

  /** Emits the action the person picked on this bed. */
  readonly action = output<BedAction>();

  protected readonly mark = STATUS_MARK;

  protected act(action: BedAction): void {
    this.action.emit(action);
  }
}
