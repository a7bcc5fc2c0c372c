import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import { inject, Injectable, PLATFORM_ID, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LOCALE, type Locale } from '@acimtl/contracts';

export const LOCALE_COOKIE = 'acimtl_lang';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The interface language: translations, the page's `lang` attribute and the saved choice. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));

  readonly current = signal<Locale>(DEFAULT_LOCALE);

  /** Loads the language's translations, then switches every string on the page to it. */
  async use(locale: Locale): Promise<void> {
    await firstValueFrom(this.transloco.load(locale));
    this.transloco.setActiveLang(locale);
    this.current.set(locale);
    this.document.documentElement.lang = locale;

    if (this.browser) {
      this.document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    }
  }
}
