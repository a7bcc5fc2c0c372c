import type { BedKind, BirthDateQuality, Population } from '@acimtl/contracts';

/** Fictional shelters modelled on Montreal's: the demo and the end-to-end tests use them. */
export interface DemoShelter {
  name: string;
  street: string;
  postalCode: string;
  phone: string;
  populations: Population[];
  acceptsCouples: boolean;
  acceptsPets: boolean;
  accessible: boolean;
  intakeHours: string;
  rooms: { name: string; beds: number; kind?: BedKind; accessibleBeds?: number }[];
}

export const DEMO_SHELTERS: DemoShelter[] = [
  {
    name: 'Maison du Vieux-Port',
    street: '350 rue de la Commune Ouest',
    postalCode: 'H2Y 2E2',
    phone: '514-555-0101',
    populations: ['men'],
    acceptsCouples: false,
    acceptsPets: false,
    accessible: true,
    intakeHours: '18:00-23:00',
    rooms: [
      { name: 'Dortoir A', beds: 8, accessibleBeds: 2 },
      { name: 'Dortoir B', beds: 8 },
      { name: 'Urgence', beds: 4, kind: 'mat' },
    ],
  },
  {
    name: 'Refuge Plateau-Femmes',
    street: '4250 avenue Papineau',
    postalCode: 'H2H 1T3',
    phone: '514-555-0102',
    populations: ['women', 'trans-inclusive'],
    acceptsCouples: false,
    acceptsPets: true,
    accessible: true,
    intakeHours: '24/7',
    rooms: [
      { name: 'Chambre 1', beds: 4, accessibleBeds: 1 },
      { name: 'Chambre 2', beds: 4 },
      { name: 'Chambre 3', beds: 2 },
    ],
  },
  {
    name: 'Auberge Jeunesse Hochelaga',
    street: '2100 rue Ontario Est',
    postalCode: 'H2K 1V6',
    phone: '514-555-0103',
    populations: ['youth', 'mixed', 'trans-inclusive'],
    acceptsCouples: false,
    acceptsPets: false,
    accessible: false,
    intakeHours: '17:00-01:00',
    rooms: [
      { name: 'Étage 1', beds: 6 },
      { name: 'Étage 2', beds: 6 },
    ],
  },
  {
    name: 'Mission Verdun',
    street: '4500 rue Wellington',
    postalCode: 'H4G 1W8',
    phone: '514-555-0104',
    populations: ['mixed'],
    acceptsCouples: true,
    acceptsPets: true,
    accessible: true,
    intakeHours: '19:00-22:00',
    rooms: [
      { name: 'Salle commune', beds: 10, kind: 'cot' },
      { name: 'Couples', beds: 4 },
    ],
  },
  {
    name: 'Le Pont Familles Rosemont',
    street: '3000 boulevard Rosemont',
    postalCode: 'H1Y 1M2',
    phone: '514-555-0105',
    populations: ['families', 'women'],
    acceptsCouples: true,
    acceptsPets: false,
    accessible: true,
    intakeHours: '09:00-21:00',
    rooms: [
      { name: 'Famille 1', beds: 3 },
      { name: 'Famille 1 berceaux', beds: 1, kind: 'crib' },
      { name: 'Famille 2', beds: 4 },
    ],
  },
];

export interface DemoClient {
  givenName: string;
  familyName: string;
  alias?: string;
  birthDate?: string;
  birthDateQuality: BirthDateQuality;
  gender?: string;
  preferredLanguage?: 'fr' | 'en';
  /** Index in DEMO_SHELTERS of the shelter where this person sleeps tonight, if any. */
  staysAt?: number;
}

export const DEMO_CLIENTS: DemoClient[] = [
  {
    givenName: 'Hélène',
    familyName: 'Tremblay',
    birthDate: '1971-04-12',
    birthDateQuality: 'full',
    gender: 'femme',
    preferredLanguage: 'fr',
  },
  {
    givenName: 'Jean-François',
    familyName: 'Gagnon',
    alias: 'Jeff',
    birthDate: '1965-01-01',
    birthDateQuality: 'approximate',
    gender: 'homme',
    preferredLanguage: 'fr',
    staysAt: 0,
  },
  {
    givenName: 'Marc',
    familyName: 'Côté',
    birthDate: '1980-09-23',
    birthDateQuality: 'full',
    gender: 'homme',
    preferredLanguage: 'fr',
    staysAt: 0,
  },
  {
    givenName: 'Daniel',
    familyName: "O'Brien",
    alias: 'Danny',
    birthDateQuality: 'prefers-not-to-answer',
    gender: 'man',
    preferredLanguage: 'en',
    staysAt: 0,
  },
  {
    givenName: 'Sylvie',
    familyName: 'Bélanger',
    birthDate: '1988-06-30',
    birthDateQuality: 'full',
    gender: 'femme',
    preferredLanguage: 'fr',
    staysAt: 1,
  },
  {
    givenName: 'Amina',
    familyName: 'Haddad',
    birthDate: '1995-11-02',
    birthDateQuality: 'full',
    gender: 'femme',
    preferredLanguage: 'fr',
    staysAt: 1,
  },
  {
    givenName: 'Kim',
    familyName: 'Nguyen',
    birthDate: '2005-03-15',
    birthDateQuality: 'full',
    gender: 'non-binary',
    preferredLanguage: 'en',
    staysAt: 2,
  },
  {
    givenName: 'Olivier',
    familyName: 'Lavoie',
    alias: 'Ti-Oli',
    birthDate: '2006-08-01',
    birthDateQuality: 'approximate',
    gender: 'homme',
    preferredLanguage: 'fr',
    staysAt: 2,
  },
  {
    givenName: 'Robert',
    familyName: 'Fortin',
    birthDateQuality: 'does-not-know',
    gender: 'homme',
    preferredLanguage: 'fr',
    staysAt: 3,
  },
  {
    givenName: 'Nathalie',
    familyName: 'Roy',
    birthDate: '1979-12-24',
    birthDateQuality: 'full',
    gender: 'femme',
    preferredLanguage: 'fr',
    staysAt: 4,
  },
  {
    givenName: 'Pierre',
    familyName: 'Bouchard',
    alias: 'Pit',
    birthDate: '1958-02-10',
    birthDateQuality: 'full',
    gender: 'homme',
    preferredLanguage: 'fr',
  },
  {
    givenName: 'Emily',
    familyName: 'Thompson',
    birthDate: '1990-07-07',
    birthDateQuality: 'full',
    gender: 'woman',
    preferredLanguage: 'en',
  },
];
