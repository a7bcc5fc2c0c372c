import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AgePipe } from '../../shared/format/relative-time.pipe';
import type { ShelterAvailability } from './availability-filter';

/** Shelters with tonight's bed counts, their phone and how old their figures are. */
@Component({
  selector: 'aci-availability-table',
  imports: [RouterLink, TranslocoPipe, AgePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './availability-table.scss',
  template: `
    <table>
      <caption class="cdk-visually-hidden">
        {{
          'tonight.caption' | transloco
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ 'tonight.shelter' | transloco }}</th>
          <th scope="col" class="number">{{ 'bed.status.available' | transloco }}</th>
          <th scope="col" class="number">{{ 'bed.status.held' | transloco }}</th>
          <th scope="col" class="number">{{ 'bed.status.occupied' | transloco }}</th>
          <th scope="col">{{ 'tonight.phone' | transloco }}</th>
          <th scope="col">{{ 'tonight.updated' | transloco }}</th>
        </tr>
      </thead>
      <tbody>
        @for (shelter of shelters(); track shelter.id) {
          <tr [class.full]="shelter.counts.available === 0" data-testid="availability-row">
            <th scope="row">
              @if (boardIds().includes(shelter.id)) {
                <a [routerLink]="['/shelters', shelter.id, 'board']">{{ shelter.name }}</a>
              } @else {
                <span class="name">{{ shelter.name }}</span>
              }
              <span class="tags">
                @for (population of shelter.populations; track population) {
                  <span class="tag">{{ 'population.' + population | transloco }}</span>
                }
                @if (shelter.acceptsCouples) {
                  <span class="tag">{{ 'need.couples' | transloco }}</span>
                }
                @if (shelter.acceptsPets) {
                  <span class="tag">{{ 'need.pets' | transloco }}</span>
                }
                @if (shelter.accessible) {
                  <span class="tag">{{ 'need.accessible' | transloco }}</span>
                }
              </span>
            </th>
            <td class="number available">
              <span class="count">{{ shelter.counts.available }}</span>
              @if (shelter.counts.available === 0) {
                <span class="full-label">{{ 'tonight.full' | transloco }}</span>
              }
            </td>
            <td class="number">{{ shelter.counts.held }}</td>
            <td class="number">{{ shelter.counts.occupied }}</td>
            <td>
              <a class="phone" [href]="'tel:' + shelter.phone">{{ shelter.phone }}</a>
            </td>
            <td class="age">{{ shelter.lastChangeAt | age: now() : locale() }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class AvailabilityTable {
  /** The shelters to list, in order. */
  readonly shelters = input.required<ShelterAvailability[]>();

  /** Shelters whose board the person may open. */
  readonly boardIds = input<string[]>([]);

  /** The current time, for the age of each shelter's figures. */
  readonly now = input.required<Date>();

  /** The interface language. */
  readonly locale = input.required<string>();
}
