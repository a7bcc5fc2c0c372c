import { registerLocaleData } from '@angular/common';
import localeEnCa from '@angular/common/locales/en-CA';
import localeFrCa from '@angular/common/locales/fr-CA';

// Dates and numbers follow Canadian conventions in both languages, under our short locale ids.
registerLocaleData(localeFrCa, 'fr');
registerLocaleData(localeEnCa, 'en');
