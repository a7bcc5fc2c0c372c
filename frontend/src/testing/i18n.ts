import { TranslocoTestingModule } from '@jsverse/transloco';
import fr from '../i18n/fr.json';

/** Transloco in French, its texts loaded before the first render, for a test's `imports`. */
export function frenchTranslations() {
  return TranslocoTestingModule.forRoot({
    langs: { fr },
    translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
    preloadLangs: true,
  });
}
