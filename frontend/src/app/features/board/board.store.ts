import { computed, inject, Injectable, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Board, BedStatus } from '@acimtl/contracts';
import { FrontDeskApi } from '../../core/data/front-desk.api';
import { valueOf } from '../../shared/data/value-of';

export type BoardBed = Board['rooms'][number]['beds'][number];

/** A shelter's board tonight: every room and bed, and the counts by status. */
@Injectable()
export class BoardStore {
  private readonly api = inject(FrontDeskApi);

  readonly shelterId = signal<string | null>(null);

  readonly board = rxResource({
    params: () => this.shelterId() ?? undefined,
    stream: ({ params }) => this.api.board(params),
  });

  readonly counts = computed(() => {
    const counts: Record<BedStatus, number> = {
      available: 0,
      held: 0,
      occupied: 0,
      'out-of-service': 0,
    };
    for (const room of valueOf(this.board)?.rooms ?? []) {
      for (const bed of room.beds) {
        counts[bed.status] += 1;
      }
    }

    return counts;
  });

  /** Free beds a stay could move to, with their room's name. */
  readonly availableBeds = computed(() =>
    (valueOf(this.board)?.rooms ?? []).flatMap((room) =>
      room.beds
        .filter((bed) => bed.status === 'available')
        .map((bed) => ({ id: bed.id, label: bed.label, room: room.name })),
    ),
  );

  refresh(): void {
    if (!this.board.isLoading()) {
      this.board.reload();
    }
  }
}
