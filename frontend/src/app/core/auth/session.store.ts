import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, PLATFORM_ID, REQUEST, signal } from '@angular/core';
import { firstValueFrom, type Observable, shareReplay, finalize, map } from 'rxjs';
import type { Locale, Me, SignInResponse } from '@acimtl/contracts';
import { readCsrfToken } from '../api/csrf.interceptor';
import { LanguageService } from '../i18n/language.service';

/** What is known of the person using the app: not yet asked, nobody, or someone. */
export type SessionState =
  | { status: 'unknown' }
  | { status: 'signed-out'; resumable: boolean }
  | { status: 'signed-in'; user: Me };

/**
 * The signed-in person. The session itself lives in httpOnly cookies the API sets; this store
 * only knows who it belongs to, asks the API to refresh it, and ends it.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);
  private readonly request = inject(REQUEST, { optional: true });
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));

  private readonly state = signal<SessionState>({ status: 'unknown' });
  private refreshing: Observable<boolean> | null = null;

  readonly user = computed(() => {
    const state = this.state();

    return state.status === 'signed-in' ? state.user : null;
  });
  readonly isAdmin = computed(() => this.user()?.role === 'admin');

  /**
   * Who is signed in, asking the API once. In the browser an expired access token is refreshed
   * first; on the server (which never sees the refresh cookie) the answer says whether the
   * browser could resume the session.
   */
  async ensureLoaded(): Promise<SessionState> {
    const known = this.state();
    if (known.status !== 'unknown') {
      return known;
    }

    let user = await this.fetchMe();
    if (!user && this.browser && this.hasSessionCookie() && (await this.tryRefresh())) {
      user = await this.fetchMe();
    }

    if (user) {
      await this.adopt(user);
    } else {
      this.state.set({ status: 'signed-out', resumable: this.hasSessionCookie() });
    }

    return this.state();
  }

  async signIn(email: string, password: string): Promise<SignInResponse> {
    return this.continueSignIn('/api/auth/login', { email, password });
  }

  async setNewPassword(email: string, newPassword: string): Promise<SignInResponse> {
    return this.continueSignIn('/api/auth/new-password', { email, newPassword });
  }

  /** The second factor: the code the authenticator app shows now. */
  async answerMfaCode(email: string, code: string): Promise<SignInResponse> {
    return this.continueSignIn('/api/auth/mfa-code', { email, code });
  }

  /** The first code of a newly enrolled authenticator app, which completes the sign-in. */
  async completeMfaSetup(email: string, code: string): Promise<SignInResponse> {
    return this.continueSignIn('/api/auth/mfa-setup', { email, code });
  }

  async forgotPassword(email: string): Promise<void> {
    await firstValueFrom(this.http.post('/api/auth/forgot-password', { email }));
  }

  async resetPassword(email: string, code: string, newPassword: string): Promise<void> {
    await firstValueFrom(this.http.post('/api/auth/reset-password', { email, code, newPassword }));
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post('/api/auth/logout', {}));
    } finally {
      this.state.set({ status: 'signed-out', resumable: false });
    }
  }

  /** Forgets the person after the API refused their session for good. */
  expire(): void {
    this.state.set({ status: 'signed-out', resumable: false });
  }

  /** Saves the interface language on the user, so the next sign-in uses it. */
  async saveLocale(locale: Locale): Promise<void> {
    if (!this.user()) {
      return;
    }
    const user = await firstValueFrom(this.http.patch<Me>('/api/auth/me', { locale }));
    this.state.set({ status: 'signed-in', user });
  }

  /**
   * Asks the API for a fresh access token with the refresh cookie. Concurrent callers share
   * one request, so a burst of expired calls refreshes once.
   */
  refresh(): Observable<boolean> {
    this.refreshing ??= this.http
      .post<{ expiresIn: number }>('/api/auth/refresh', {}, { observe: 'response' })
      .pipe(
        map(() => true),
        finalize(() => (this.refreshing = null)),
        shareReplay(1),
      );

    return this.refreshing;
  }

  private async tryRefresh(): Promise<boolean> {
    try {
      return await firstValueFrom(this.refresh());
    } catch {
      return false;
    }
  }

  private async fetchMe(): Promise<Me | null> {
    try {
      return await firstValueFrom(this.http.get<Me>('/api/auth/me'));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        return null;
      }
      throw error;
    }
  }

  /**
   * A step of a sign-in, adopting the session once signed in. Between steps the API keeps the
   * step's session in its challenge cookie.
   */
  private async continueSignIn(url: string, body: object): Promise<SignInResponse> {
    const response = await firstValueFrom(this.http.post<SignInResponse>(url, body));
    if (response.status === 'signed-in') {
      await this.adopt(response.user);
    }

    return response;
  }

  private async adopt(user: Me): Promise<void> {
    this.state.set({ status: 'signed-in', user });
    if (this.language.current() !== user.locale) {
      await this.language.use(user.locale);
    }
  }

  // The CSRF cookie lives as long as the refresh token: while it is there, a session can resume.
  private hasSessionCookie(): boolean {
    const cookies = this.browser
      ? this.document.cookie
      : (this.request?.headers.get('cookie') ?? '');

    return readCsrfToken(cookies) !== null;
  }
}
