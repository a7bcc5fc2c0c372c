import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { LOCALES, type Locale } from '@acimtl/contracts';

/** Two-way choice between the interface languages, each named in its own language. */
@Component({
  selector: 'aci-language-switch',
  imports: [MatButtonToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mat-button-toggle-group {
      background: var(--mat-sys-surface-container-lowest);
    }
  `,
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [value]="current()"
      (change)="changed.emit($event.value)"
      [attr.aria-label]="'language.label' | transloco"
    >
      @for (locale of locales; track locale) {
        <mat-button-toggle [value]="locale" [attr.lang]="locale">
          {{ 'language.' + locale | transloco }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
})
export class LanguageSwitch {
  /** The language the interface is in now. */
  readonly current = input.required<Locale>();

  /** Emits the language the person picked. */
  readonly changed = output<Locale>();

  protected readonly locales = LOCALES;
}
