import {
  ChangeDetectionStrategy,
  Component,
  effect,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MIN_LENGTH, type SignInResponse } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { safeReturnUrl } from '../../core/auth/session.guards';
import { SessionStore } from '../../core/auth/session.store';
import { errorKeyOf, errorParamsOf } from '../../shared/ui/field-errors';
import { hydrated } from '../../shared/ui/hydrated';
import { QrCode } from '../../shared/ui/qr-code';
import { NewPasswordFields } from './new-password-fields';
import { newPasswordControls } from './password-rules';

/**
 * Sign in, then each step Cognito asks for: on a first sign-in the password that replaces the
 * temporary one, and where a second factor is on, the authenticator app's code (enrolling the
 * app first, the first time).
 */
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
    QrCode,
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
      } @else if (step() === 'new-password') {
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
      } @else {
        @if (enrollment(); as enrollment) {
          <h1>{{ 'auth.mfaSetup.title' | transloco }}</h1>
          <p>{{ 'auth.mfaSetup.intro' | transloco }}</p>
          <aci-qr-code
            class="qr"
            [text]="enrollment.otpauthUri"
            [label]="'auth.mfaSetup.qr' | transloco"
          />
          <p class="secret">
            <span>{{ 'auth.mfaSetup.key' | transloco }}</span>
            <code data-testid="mfa-secret">{{ grouped(enrollment.secret) }}</code>
          </p>
          <p>
            <a [href]="enrollment.otpauthUri">{{ 'auth.mfaSetup.openApp' | transloco }}</a>
          </p>
        } @else {
          <h1>{{ 'auth.mfaCode.title' | transloco }}</h1>
          <p>{{ 'auth.mfaCode.intro' | transloco }}</p>
        }
        <form [formGroup]="mfa" (ngSubmit)="sendCode()" novalidate>
          <fieldset [disabled]="!ready()">
            <mat-form-field>
              <mat-label>{{ 'auth.mfaCode.code' | transloco }}</mat-label>
              <input
                #codeInput
                matInput
                formControlName="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                maxlength="7"
              />
              <mat-hint>{{ 'auth.mfaCode.hint' | transloco }}</mat-hint>
              <mat-error>{{ errorKey(mfa.controls.code) | transloco }}</mat-error>
            </mat-form-field>
            @if (failure(); as failure) {
              <p class="failure" role="alert">{{ failure | transloco }}</p>
            }
            <div class="actions">
              <button mat-button type="button" (click)="restart()">
                {{ 'common.back' | transloco }}
              </button>
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ (enrollment() ? 'auth.mfaSetup.submit' : 'auth.mfaCode.submit') | transloco }}
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
  protected readonly step = signal<'credentials' | 'new-password' | 'mfa'>('credentials');
  /** The authenticator app to enroll, when the second factor is required and not set up yet. */
  protected readonly enrollment = signal<{ secret: string; otpauthUri: string } | null>(null);
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

  // The code field takes the focus when it appears: the person's next move is to type it.
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');
  private readonly focusCode = effect(() => this.codeInput()?.nativeElement.focus());

  protected readonly mfa = this.form.group({
    // Six digits; apps often show them as two groups of three.
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{3}\s?\d{3}\s*$/)]],
  });

  protected async signIn(): Promise<void> {
    if (this.credentials.invalid) {
      this.credentials.markAllAsTouched();

      return;
    }
    const { email, password } = this.credentials.getRawValue();

    await this.run(async () => this.follow(await this.session.signIn(email, password)));
  }

  protected async setPassword(): Promise<void> {
    this.newPassword.controls.confirm.updateValueAndValidity();
    if (this.newPassword.invalid) {
      this.newPassword.markAllAsTouched();

      return;
    }
    const email = this.credentials.controls.email.value;

    await this.run(async () =>
      this.follow(
        await this.session.setNewPassword(email, this.newPassword.controls.password.value),
      ),
    );
  }

  protected async sendCode(): Promise<void> {
    if (this.mfa.invalid) {
      this.mfa.markAllAsTouched();

      return;
    }
    const email = this.credentials.controls.email.value;
    const code = this.mfa.controls.code.value.replace(/\s/g, '');

    await this.run(async () =>
      this.follow(
        this.enrollment()
          ? await this.session.completeMfaSetup(email, code)
          : await this.session.answerMfaCode(email, code),
      ),
    );
  }

  /** The key as authenticator apps ask for it when typed: groups of four. */
  protected grouped(secret: string): string {
    return secret.replace(/(.{4})(?=.)/g, '$1 ');
  }

  protected restart(): void {
    this.failure.set(null);
    this.enrollment.set(null);
    this.mfa.reset();
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

  /** Goes on to the step the API asks for next, or back to where the person was going. */
  private async follow(response: SignInResponse): Promise<void> {
    switch (response.status) {
      case 'signed-in':
        await this.goBack();
        break;
      case 'new-password-required':
        this.step.set('new-password');
        break;
      case 'mfa-setup-required':
        this.enrollment.set({ secret: response.secret, otpauthUri: response.otpauthUri });
        this.mfa.reset();
        this.step.set('mfa');
        break;
      case 'mfa-code-required':
        this.enrollment.set(null);
        this.mfa.reset();
        this.step.set('mfa');
        break;
    }
  }

  private async goBack(): Promise<void> {
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }
}
