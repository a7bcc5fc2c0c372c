import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { describeError } from '../../core/api/api-error';
import { SessionStore } from '../../core/auth/session.store';
import { errorKeyOf, errorParamsOf } from '../../shared/ui/field-errors';
import { hydrated } from '../../shared/ui/hydrated';
import { NewPasswordFields } from './new-password-fields';
import { newPasswordControls } from './password-rules';

/** Forgotten password: ask for a code by e-mail, then choose a new password with it. */
@Component({
  selector: 'aci-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    NewPasswordFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './auth-card.scss',
  template: `
    <section class="card">
      @if (step() === 'email') {
        <h1>{{ 'auth.forgot.title' | transloco }}</h1>
        <p>{{ 'auth.forgot.intro' | transloco }}</p>
        <form [formGroup]="request" (ngSubmit)="sendCode()" novalidate>
          <fieldset [disabled]="!ready()">
            <mat-form-field>
              <mat-label>{{ 'auth.email' | transloco }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" />
              <mat-error>{{ errorKey(request.controls.email) | transloco }}</mat-error>
            </mat-form-field>
            @if (failure(); as failure) {
              <p class="failure" role="alert">{{ failure | transloco }}</p>
            }
            <div class="actions">
              <a routerLink="/sign-in">{{ 'auth.forgot.backToSignIn' | transloco }}</a>
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ 'auth.forgot.send' | transloco }}
              </button>
            </div>
          </fieldset>
        </form>
      } @else {
        <h1>{{ 'auth.reset.title' | transloco }}</h1>
        <p class="notice" role="status">
          {{ 'auth.reset.codeSent' | transloco: { email: request.controls.email.value } }}
        </p>
        <form [formGroup]="reset" (ngSubmit)="resetPassword()" novalidate>
          <fieldset [disabled]="!ready()">
            <mat-form-field>
              <mat-label>{{ 'auth.reset.code' | transloco }}</mat-label>
              <input
                matInput
                formControlName="code"
                autocomplete="one-time-code"
                inputmode="numeric"
              />
              <mat-error>{{
                errorKey(reset.controls.code) | transloco: errorParams(reset.controls.code)
              }}</mat-error>
            </mat-form-field>
            <aci-new-password-fields
              [password]="reset.controls.password"
              [confirm]="reset.controls.confirm"
            />
            @if (failure(); as failure) {
              <p class="failure" role="alert">{{ failure | transloco }}</p>
            }
            <div class="actions">
              <button mat-button type="button" (click)="step.set('email')">
                {{ 'common.back' | transloco }}
              </button>
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ 'auth.reset.submit' | transloco }}
              </button>
            </div>
          </fieldset>
        </form>
      }
    </section>
  `,
})
export class ForgotPasswordPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly form = inject(FormBuilder).nonNullable;

  protected readonly ready = hydrated();
  protected readonly step = signal<'email' | 'code'>('email');
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;

  protected readonly request = this.form.group({
    email: ['', [Validators.required, Validators.email]],
  });

  protected readonly reset = this.form.group({
    code: ['', [Validators.required, Validators.minLength(4), Validators.maxLength(12)]],
    ...newPasswordControls(),
  });

  protected async sendCode(): Promise<void> {
    if (this.request.invalid) {
      this.request.markAllAsTouched();

      return;
    }

    await this.run(async () => {
      await this.session.forgotPassword(this.request.controls.email.value);
      this.step.set('code');
    });
  }

  protected async resetPassword(): Promise<void> {
    this.reset.controls.confirm.updateValueAndValidity();
    if (this.reset.invalid) {
      this.reset.markAllAsTouched();

      return;
    }
    const { code, password } = this.reset.getRawValue();

    await this.run(async () => {
      await this.session.resetPassword(this.request.controls.email.value, code.trim(), password);
      await this.router.navigate(['/sign-in'], { queryParams: { reset: 1 } });
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await action();
    } catch (error) {
      this.failure.set(describeError(error).key);
    } finally {
      this.busy.set(false);
    }
  }
}
