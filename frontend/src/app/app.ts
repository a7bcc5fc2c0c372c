import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@acimtl/contracts';
import { LanguageService } from './core/i18n/language.service';
import { LanguageSwitch } from './shell/language-switch';

@Component({
  selector: 'aci-root',
  imports: [RouterOutlet, RouterLink, TranslocoPipe, LanguageSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './app.scss',
  template: `
    <a class="skip-link" href="#main">{{ 'app.skipToContent' | transloco }}</a>
    <header class="header">
      <a class="brand" routerLink="/">
        <span class="name">{{ 'app.name' | transloco }}</span>
        <span class="tagline">{{ 'app.tagline' | transloco }}</span>
      </a>
      <aci-language-switch [current]="language.current()" (changed)="switchTo($event)" />
    </header>
    <main id="main" class="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class App {
  protected readonly language = inject(LanguageService);

  protected switchTo(locale: Locale): void {
    void this.language.use(locale);
  }
}
