import { ChangeDetectionStrategy, Component, inject, RESPONSE_INIT } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Shown instead of a page the person may not open or that does not exist. */
@Component({
  selector: 'aci-not-found-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './error-page.scss',
  template: `
    <p class="code" aria-hidden="true">404</p>
    <h1>{{ 'pages.notFound.title' | transloco }}</h1>
    <p>{{ 'pages.notFound.text' | transloco }}</p>
    <a mat-flat-button routerLink="/">{{ 'pages.home' | transloco }}</a>
  `,
})
export class NotFoundPage {
  constructor() {
    // On the server, the response says so too, not only the page.
    const response = inject(RESPONSE_INIT, { optional: true });
    if (response) {
      response.status = 404;
    }
  }
}
