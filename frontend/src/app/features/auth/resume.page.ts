import { afterNextRender, ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { safeReturnUrl } from '../../core/auth/session.guards';
import { SessionStore } from '../../core/auth/session.store';

/**
 * Where the server sends a person whose access token expired while their session lives on:
 * only the browser holds the refresh cookie, so it refreshes here, then returns to the page.
 */
@Component({
  selector: 'aci-resume-page',
  imports: [MatProgressBarModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 28rem;
      margin: 3rem auto;
      text-align: center;
    }
  `,
  template: `
    <p role="status">{{ 'auth.resume' | transloco }}</p>
    <mat-progress-bar mode="indeterminate" [attr.aria-label]="'auth.resume' | transloco" />
  `,
})
export class ResumePage {
  /** The page the person was opening (query parameter). */
  readonly returnUrl = input<string>();

  constructor() {
    const session = inject(SessionStore);
    const router = inject(Router);

    afterNextRender(async () => {
      const state = await session.ensureLoaded().catch(() => null);
      const returnUrl = safeReturnUrl(this.returnUrl());
      if (state?.status === 'signed-in') {
        await router.navigateByUrl(returnUrl, { replaceUrl: true });

        return;
      }
      await router.navigate(['/sign-in'], {
        queryParams: { returnUrl, expired: 1 },
        replaceUrl: true,
      });
    });
  }
}
