import type { StakeholderCategory } from '@convene/shared';

/**
 * Participation in a summary report's own phrasing: "39 contributions were received from 19
 * participants: 8 government representatives of 6 Member States, 2 representatives of 2 UN
 * entities and 5 representatives of 4 civil society organisations."
 *
 * Governments are counted as Member States (distinct countries of the member_state
 * participants), never as organisations; every other category names its distinct
 * organisations (affiliations, compared case- and space-insensitively). Plurals come from
 * Intl.PluralRules, the list from Intl.ListFormat, numbers from Intl.NumberFormat, so each
 * language's rules apply. Every string of every language lives here.
 */

export const SENTENCE_LANGUAGES = ['en', 'fr', 'es'] as const;
export type SentenceLanguage = (typeof SENTENCE_LANGUAGES)[number];

/** The export's language: one the sentence is written in, English otherwise. */
export const sentenceLanguage = (lang: string | null | undefined): SentenceLanguage =>
  (SENTENCE_LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as SentenceLanguage) : 'en';

export interface CategoryFigures {
  category: StakeholderCategory;
  /** Distinct participants of the category. */
  contributors: number;
  /** Distinct organisations (affiliations) of the category; for member_state, unused. */
  organisations: number;
  /** Distinct countries of the category's participants: the Member States, for member_state. */
  countries: number;
}

export interface ParticipationFigures {
  contributions: number;
  contributors: number;
  /** `highlighted`: the figures count only the contributions highlighted for the note. */
  scope: 'published' | 'highlighted';
  /** In the order the sentence lists them; categories with no participant are left out. */
  categories: CategoryFigures[];
}

/** A noun's forms by plural category; `other` is required, the rest fall back to it. */
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

interface CategoryWords {
  /** The people: "representative(s)"; for governments "government representative(s)". */
  people: Forms;
  /**
   * What they represent, counted: "Member State(s)", "UN entit(y/ies)". Null for a category
   * whose organisations are not worth counting ("other"): only the people are then named.
   */
  bodies: Forms | null;
}

interface Language {
  locale: string;
  /** The opening clause before the list, given the two totals already formatted with their nouns. */
  opening: (contributions: number, contributors: string, scope: ParticipationFigures['scope'], n: Num) => string;
  participants: Forms;
  /** "8 government representatives of 6 Member States"; `bodies` null when none is known. */
  item: (people: string, bodies: string | null) => string;
  /** Said when nobody contributed. */
  none: (scope: ParticipationFigures['scope']) => string;
  colon: string;
  categories: Record<StakeholderCategory, CategoryWords>;
}

type Num = (n: number) => string;

const representative = { one: 'representative', other: 'representatives' };
const en: Language = {
  locale: 'en-GB',
  opening: (n, from, scope, num) =>
    scope === 'highlighted'
      ? `${num(n)} ${n === 1 ? 'contribution was' : 'contributions were'} highlighted for the note, from ${from}`
      : `${num(n)} ${n === 1 ? 'contribution was' : 'contributions were'} received from ${from}`,
  participants: { one: 'participant', other: 'participants' },
  item: (people, bodies) => (bodies ? `${people} of ${bodies}` : people),
  none: (scope) =>
    scope === 'highlighted' ? 'No contribution has been highlighted for the note.' : 'No contribution was received.',
  colon: ':',
  categories: {
    member_state: {
      people: { one: 'government representative', other: 'government representatives' },
      bodies: { one: 'Member State', other: 'Member States' },
    },
    un_system: { people: representative, bodies: { one: 'UN entity', other: 'UN entities' } },
    international_org: {
      people: representative,
      bodies: { one: 'international organisation', other: 'international organisations' },
    },
    civil_society: {
      people: representative,
      bodies: { one: 'civil society organisation', other: 'civil society organisations' },
    },
    private_sector: {
      people: representative,
      bodies: { one: 'private sector organisation', other: 'private sector organisations' },
    },
    local_government: {
      people: representative,
      bodies: { one: 'local or regional government', other: 'local and regional governments' },
    },
    academia: {
      people: representative,
      bodies: { one: 'academic institution', other: 'academic institutions' },
    },
    migrant_diaspora_org: {
      people: representative,
      bodies: { one: 'migrant or diaspora organisation', other: 'migrant and diaspora organisations' },
    },
    youth: { people: representative, bodies: { one: 'youth organisation', other: 'youth organisations' } },
    trade_union: { people: representative, bodies: { one: 'trade union', other: 'trade unions' } },
    other: { people: { one: 'other participant', other: 'other participants' }, bodies: null },
  },
};

const representant = { one: 'représentant', other: 'représentants' };
const fr: Language = {
  locale: 'fr',
  opening: (n, from, scope, num) => {
    const one = new Intl.PluralRules('fr').select(n) === 'one';
    return scope === 'highlighted'
      ? `${num(n)} ${one ? 'contribution a été retenue' : 'contributions ont été retenues'} pour la note, de ${from}`
      : `${num(n)} ${one ? 'contribution a été reçue' : 'contributions ont été reçues'} de ${from}`;
  },
  participants: { one: 'participant', other: 'participants' },
  item: (people, bodies) => (bodies ? `${people} de ${bodies}` : people),
  none: (scope) =>
    scope === 'highlighted'
      ? 'Aucune contribution n’a été retenue pour la note.'
      : 'Aucune contribution n’a été reçue.',
  // French puts a (narrow) no-break space before a colon.
  colon: '\u202f:',
  categories: {
    member_state: {
      people: { one: 'représentant gouvernemental', other: 'représentants gouvernementaux' },
      bodies: { one: 'État membre', other: 'États membres' },
    },
    un_system: {
      people: representant,
      bodies: { one: 'entité des Nations Unies', other: 'entités des Nations Unies' },
    },
    international_org: {
      people: representant,
      bodies: { one: 'organisation internationale', other: 'organisations internationales' },
    },
    civil_society: {
      people: representant,
      bodies: { one: 'organisation de la société civile', other: 'organisations de la société civile' },
    },
    private_sector: {
      people: representant,
      bodies: {
        one: 'entreprise ou organisation du secteur privé',
        other: 'entreprises et organisations du secteur privé',
      },
    },
    local_government: {
      people: representant,
      bodies: { one: 'autorité locale ou régionale', other: 'autorités locales et régionales' },
    },
    academia: {
      people: representant,
      bodies: {
        one: 'institution universitaire ou de recherche',
        other: 'institutions universitaires et de recherche',
      },
    },
    migrant_diaspora_org: {
      people: representant,
      bodies: {
        one: 'organisation de migrants ou de la diaspora',
        other: 'organisations de migrants et de la diaspora',
      },
    },
    youth: {
      people: representant,
      bodies: { one: 'organisation de jeunesse', other: 'organisations de jeunesse' },
    },
    trade_union: { people: representant, bodies: { one: 'syndicat', other: 'syndicats' } },
    other: { people: { one: 'autre participant', other: 'autres participants' }, bodies: null },
  },
};

const representante = { one: 'representante', other: 'representantes' };
const es: Language = {
  locale: 'es',
  opening: (n, from, scope, num) =>
    scope === 'highlighted'
      ? `${n === 1 ? 'Se destacó' : 'Se destacaron'} ${num(n)} ${n === 1 ? 'contribución' : 'contribuciones'} para la nota, de ${from}`
      : `${n === 1 ? 'Se recibió' : 'Se recibieron'} ${num(n)} ${n === 1 ? 'contribución' : 'contribuciones'} de ${from}`,
  participants: { one: 'participante', other: 'participantes' },
  item: (people, bodies) => (bodies ? `${people} de ${bodies}` : people),
  none: (scope) =>
    scope === 'highlighted'
      ? 'No se ha destacado ninguna contribución para la nota.'
      : 'No se recibió ninguna contribución.',
  colon: ':',
  categories: {
    member_state: {
      people: { one: 'representante gubernamental', other: 'representantes gubernamentales' },
      bodies: { one: 'Estado miembro', other: 'Estados miembros' },
    },
    un_system: {
      people: representante,
      bodies: { one: 'entidad de las Naciones Unidas', other: 'entidades de las Naciones Unidas' },
    },
    international_org: {
      people: representante,
      bodies: { one: 'organización internacional', other: 'organizaciones internacionales' },
    },
    civil_society: {
      people: representante,
      bodies: { one: 'organización de la sociedad civil', other: 'organizaciones de la sociedad civil' },
    },
    private_sector: {
      people: representante,
      bodies: {
        one: 'empresa u organización del sector privado',
        other: 'empresas y organizaciones del sector privado',
      },
    },
    local_government: {
      people: representante,
      bodies: { one: 'gobierno local o regional', other: 'gobiernos locales y regionales' },
    },
    academia: {
      people: representante,
      bodies: { one: 'institución académica', other: 'instituciones académicas' },
    },
    migrant_diaspora_org: {
      people: representante,
      bodies: {
        one: 'organización de migrantes o de la diáspora',
        other: 'organizaciones de migrantes y de la diáspora',
      },
    },
    youth: { people: representante, bodies: { one: 'organización juvenil', other: 'organizaciones juveniles' } },
    trade_union: { people: representante, bodies: { one: 'sindicato', other: 'sindicatos' } },
    other: { people: { one: 'otro participante', other: 'otros participantes' }, bodies: null },
  },
};

const LANGUAGES: Record<SentenceLanguage, Language> = { en, fr, es };

/**
 * The participation paragraph in `lang` (English for any other language). Only categories with
 * participants are listed, in the order given; a category whose organisations are unknown
 * (no affiliation given) names its people only.
 */
export function participationSentence(figures: ParticipationFigures, lang: string | null | undefined = 'en'): string {
  const L = LANGUAGES[sentenceLanguage(lang)];
  const plural = new Intl.PluralRules(L.locale);
  const numberFormat = new Intl.NumberFormat(L.locale);
  const num: Num = (n) => numberFormat.format(n);
  const counted = (n: number, forms: Forms) => `${num(n)} ${forms[plural.select(n)] ?? forms.other}`;
  if (figures.contributions === 0) return L.none(figures.scope);

  const items = figures.categories
    .filter((c) => c.contributors > 0)
    .map((c) => {
      const words = L.categories[c.category];
      const bodies = c.category === 'member_state' ? c.countries : c.organisations;
      return L.item(
        counted(c.contributors, words.people),
        words.bodies && bodies > 0 ? counted(bodies, words.bodies) : null,
      );
    });
  const from = counted(figures.contributors, L.participants);
  const opening = L.opening(figures.contributions, from, figures.scope, num);
  if (items.length === 0) return `${opening}.`;
  const list = new Intl.ListFormat(L.locale, { type: 'conjunction', style: 'long' }).format(items);
  return `${opening}${L.colon} ${list}.`;
}
