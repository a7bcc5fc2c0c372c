import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MIN_LENGTH } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { safeReturnUrl } from '../../core/auth/session.guards';
import { SessionStore } from '../../core/auth/session.store';
import { errorKeyOf, errorParamsOf } from '../../shared/ui/field-errors';
import { hydrated } from '../../shared/ui/hydrated';
import { NewPasswordFields } from './new-password-fields';
import { newPasswordControls } from './password-rules';

/** Sign in, and on a first sign-in choose the password that replaces the temporary one. */
@Component({
  selector: 'aci-sign-in-page',
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
      @if (step() === 'credentials') {
        <h1>{{ 'auth.signIn.title' | transloco }}</h1>
        <p>{{ 'auth.signIn.intro' | transloco }}</p>
        @if (expired()) {
          <p class="notice" role="status">{{ 'auth.signIn.expired' | transloco }}</p>
        }
        @if (reset()) {
          <p class="notice" role="status">{{ 'auth.signIn.passwordChanged' | transloco }}</p>
        }
        <form [formGroup]="credentials" (ngSubmit)="signIn()" novalidate>
          <fieldset [disabled]="!ready()">
            <mat-form-field>
              <mat-label>{{ 'auth.email' | transloco }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" />
              <mat-error>
                {{
                  errorKey(credentials.controls.email)
                    | transloco: errorParams(credentials.controls.email)
                }}
              </mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'auth.password' | transloco }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="current-password"
              />
              <mat-error>{{ errorKey(credentials.controls.password) | transloco }}</mat-error>
            </mat-form-field>
            @if (failure(); as failure) {
              <p class="failure" role="alert">{{ failure | transloco }}</p>
            }
            <div class="actions">
              <a routerLink="/forgot-password">{{ 'auth.signIn.forgot' | transloco }}</a>
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ 'auth.signIn.submit' | transloco }}
              </button>
            </div>
          </fieldset>
        </form>
      } @else {
        <h1>{{ 'auth.newPassword.title' | transloco }}</h1>
        <p>{{ 'auth.newPassword.intro' | transloco: { length: minLength } }}</p>
        <form [formGroup]="newPassword" (ngSubmit)="setPassword()" novalidate>
          <fieldset [disabled]="!ready()">
            <aci-new-password-fields
              [password]="newPassword.controls.password"
              [confirm]="newPassword.controls.confirm"
            />
            @if (failure(); as failure) {
              <p class="failure" role="alert">{{ failure | transloco }}</p>
            }
            <div class="actions">
              <button mat-button type="button" (click)="restart()">
                {{ 'common.back' | transloco }}
              </button>
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ 'auth.newPassword.submit' | transloco }}
              </button>
            </div>
          </fieldset>
        </form>
      }
    </section>
  `,
})
export class SignInPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly form = inject(FormBuilder).nonNullable;

  /** Where to go once signed in (query parameter). */
  readonly returnUrl = input<string>();

  /** Set when the previous session ended on its own (query parameter). */
  readonly expired = input<string>();

  /** Set after a password reset (query parameter). */
  readonly reset = input<string>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly ready = hydrated();
  protected readonly step = signal<'credentials' | 'new-password'>('credentials');
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;

  protected readonly credentials = this.form.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected readonly newPassword = this.form.group({
    ...newPasswordControls(),
  });

  protected async signIn(): Promise<void> {
    if (this.credentials.invalid) {
      this.credentials.markAllAsTouched();

      return;
    }
    const { email, password } = this.credentials.getRawValue();

    await this.run(async () => {
      const response = await this.session.signIn(email, password);
      if (response.status === 'new-password-required') {
        this.step.set('new-password');

        return;
      }
      await this.goBack();
    });
  }

  protected async setPassword(): Promise<void> {
    this.newPassword.controls.confirm.updateValueAndValidity();
    if (this.newPassword.invalid) {
      this.newPassword.markAllAsTouched();

      return;
    }
    const email = this.credentials.controls.email.value;

    await this.run(async () => {
      await this.session.setNewPassword(email, this.newPassword.controls.password.value);
      await this.goBack();
    });
  }

  protected restart(): void {
    this.failure.set(null);
    this.newPassword.reset();
    this.credentials.controls.password.reset();
    this.step.set('credentials');
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

  private async goBack(): Promise<void> {
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }
}
