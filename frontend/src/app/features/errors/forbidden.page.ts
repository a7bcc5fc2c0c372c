import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Shown instead of a page the person may not open or that does not exist. */
@Component({
  selector: 'aci-forbidden-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './error-page.scss',
  template: `
    <p class="code" aria-hidden="true">403</p>
    <h1>{{ 'pages.forbidden.title' | transloco }}</h1>
    <p>{{ 'pages.forbidden.text' | transloco }}</p>
    <a mat-flat-button routerLink="/">{{ 'pages.home' | transloco }}</a>
  `,
})
export class ForbiddenPage {}
