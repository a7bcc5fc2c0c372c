import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@acimtl/contracts';
import { ConnectivityStore } from './core/api/connectivity.store';
import { SessionStore } from './core/auth/session.store';
import { LanguageService } from './core/i18n/language.service';
import { LanguageSwitch } from './shell/language-switch';

@Component({
  selector: 'aci-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatButtonModule,
    MatMenuModule,
    TranslocoPipe,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './app.scss',
  template: `
    <a class="skip-link" href="#main">{{ 'app.skipToContent' | transloco }}</a>
    <header class="header">
      <a class="brand" routerLink="/">
        <span class="name">{{ 'app.name' | transloco }}</span>
        <span class="tagline">{{ 'app.tagline' | transloco }}</span>
      </a>
      <div class="tools">
        <aci-language-switch [current]="language.current()" (changed)="switchTo($event)" />
        @if (session.user(); as user) {
          <button
            mat-stroked-button
            type="button"
            class="account"
            [matMenuTriggerFor]="account"
            data-testid="account-menu"
          >
            {{ user.givenName }} {{ user.familyName }}
          </button>
          <mat-menu #account="matMenu">
            <p class="account-email" mat-menu-item disabled>{{ user.email }}</p>
            <button mat-menu-item type="button" (click)="signOut()">
              {{ 'nav.signOut' | transloco }}
            </button>
          </mat-menu>
        }
      </div>
    </header>
    @if (session.user(); as user) {
      <nav class="nav" [attr.aria-label]="'nav.label' | transloco">
        <a routerLink="/" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }">
          {{ 'nav.tonight' | transloco }}
        </a>
        @for (shelter of user.shelters; track shelter.id) {
          <a [routerLink]="['/shelters', shelter.id, 'board']" routerLinkActive="active">
            {{ shelter.name }}
          </a>
        }
        <a routerLink="/clients" routerLinkActive="active">{{ 'nav.clients' | transloco }}</a>
        <a routerLink="/incidents" routerLinkActive="active">{{ 'nav.incidents' | transloco }}</a>
        <a routerLink="/reports/occupancy" routerLinkActive="active">
          {{ 'nav.report' | transloco }}
        </a>
        @if (session.isAdmin()) {
          <a routerLink="/admin/users" routerLinkActive="active">{{ 'nav.users' | transloco }}</a>
          <a routerLink="/admin/shelters" routerLinkActive="active">
            {{ 'nav.shelters' | transloco }}
          </a>
        }
      </nav>
    }
    @if (connectivity.apiDown()) {
      <p class="banner" role="alert">{{ 'errors.apiDown' | transloco }}</p>
    }
    <main id="main" class="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class App {
  protected readonly language = inject(LanguageService);
  protected readonly session = inject(SessionStore);
  protected readonly connectivity = inject(ConnectivityStore);
  private readonly router = inject(Router);

  protected async switchTo(locale: Locale): Promise<void> {
    await this.language.use(locale);
    // The choice follows the person to their next sign-in, on any device.
    await this.session.saveLocale(locale).catch(() => undefined);
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut().catch(() => undefined);
    await this.router.navigate(['/sign-in']);
  }
}
