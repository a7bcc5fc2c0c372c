import { DOCUMENT, isPlatformServer } from '@angular/common';
import {
  type EnvironmentProviders,
  inject,
  Injectable,
  isDevMode,
  PLATFORM_ID,
  provideAppInitializer,
  REQUEST,
} from '@angular/core';
import {
  provideTransloco,
  provideTranslocoTranspiler,
  type Translation,
  type TranslocoLoader,
} from '@jsverse/transloco';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@acimtl/contracts';
import { IcuTranspiler } from './icu.transpiler';
import './locale-data';
import { LanguageService, LOCALE_COOKIE } from './language.service';

const TRANSLATIONS: Record<Locale, () => Promise<{ default: Translation }>> = {
  fr: () => import('../../../i18n/fr.json'),
  en: () => import('../../../i18n/en.json'),
};

/** Translations ship inside the bundle: no HTTP round trip, identical on server and browser. */
@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  async getTranslation(lang: string): Promise<Translation> {
    const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;

    return (await TRANSLATIONS[locale]()).default;
  }
}

/** French by default, English on request; the page renders in the visitor's language. */
export function provideI18n(): (EnvironmentProviders | EnvironmentProviders[])[] {
  return [
    provideTransloco({
      config: {
        availableLangs: [...LOCALES],
        defaultLang: DEFAULT_LOCALE,
        fallbackLang: DEFAULT_LOCALE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { logMissingKey: true, useFallbackTranslation: true },
      },
      loader: BundledTranslationLoader,
    }),
    provideTranslocoTranspiler(IcuTranspiler),
    provideAppInitializer(() => inject(LanguageService).use(initialLocale())),
  ];
}

// On the server the visitor's cookie decides; in the browser, the language the server rendered
// in (so hydration finds the same text).
function initialLocale(): Locale {
  if (isPlatformServer(inject(PLATFORM_ID))) {
    const cookies = inject(REQUEST, { optional: true })?.headers.get('cookie') ?? '';
    const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})`).exec(cookies);

    return isLocale(match?.[1]) ? match[1] : DEFAULT_LOCALE;
  }
  const rendered = inject(DOCUMENT).documentElement.lang;

  return isLocale(rendered) ? rendered : DEFAULT_LOCALE;
}
