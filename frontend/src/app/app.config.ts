import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideClientHydration, withEventReplay } from '@angular/platform-browser';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { connectivityInterceptor } from './core/api/connectivity.interceptor';
import { csrfInterceptor } from './core/api/csrf.interceptor';
import { transferCacheInterceptor } from './core/api/transfer-cache.interceptor';
import { sessionInterceptor } from './core/auth/session.interceptor';
import { provideI18n } from './core/i18n/i18n.providers';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideHttpClient(
      withFetch(),
      // Order matters: the session retries a call after refreshing, with its CSRF header again.
      withInterceptors([
        sessionInterceptor,
        csrfInterceptor,
        connectivityInterceptor,
        transferCacheInterceptor,
      ]),
    ),
    provideClientHydration(withEventReplay()),
    ...provideI18n(),
  ],
};
