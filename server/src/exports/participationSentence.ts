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

export const SENTENCE_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
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
  /** Between the colon and the list (none in Chinese); a space when not given. */
  gap?: string;
  /** The sentence's final stop ("。" in Chinese); "." when not given. */
  stop?: string;
  /** Between a number and its noun ("" in Chinese, where the counter word follows the digits); a space when not given. */
  space?: string;
  /** Plural categories whose form is said without the number (Arabic: "مشارك واحد", the dual "مشاركان"). */
  wordsOnly?: readonly Intl.LDMLPluralRule[];
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

/**
 * Arabic: the counted noun follows the CLDR category — one and two are said in words (the
 * singular with "واحد", the dual), 3–10 take the plural, 11–99 the singular in the accusative,
 * 100 and more the singular. People are the subject (nominative); what they represent and the
 * participants follow a preposition (genitive, which shows in the dual).
 */
const arRepresentative = { one: 'ممثل واحد', two: 'ممثلان', few: 'ممثلين', many: 'ممثلًا', other: 'ممثل' };
const ar: Language = {
  locale: 'ar',
  opening: (n, from, scope, num) => {
    const c = new Intl.PluralRules('ar').select(n);
    const counted =
      c === 'one' ? 'مساهمة واحدة' : c === 'two' ? 'مساهمتان' : c === 'few' ? `${num(n)} مساهمات` : `${num(n)} مساهمة`;
    return scope === 'highlighted' ? `أُبرزت ${counted} لأغراض المذكرة، من ${from}` : `وردت ${counted} من ${from}`;
  },
  participants: { one: 'مشارك واحد', two: 'مشاركَين', few: 'مشاركين', many: 'مشاركًا', other: 'مشارك' },
  item: (people, bodies) => (bodies ? `${people} عن ${bodies}` : people),
  none: (scope) => (scope === 'highlighted' ? 'لم تُبرز أي مساهمة لأغراض المذكرة.' : 'لم ترد أي مساهمة.'),
  colon: ':',
  wordsOnly: ['one', 'two'],
  categories: {
    member_state: {
      people: {
        one: 'ممثل حكومي واحد',
        two: 'ممثلان حكوميان',
        few: 'ممثلين حكوميين',
        many: 'ممثلًا حكوميًا',
        other: 'ممثل حكومي',
      },
      bodies: { one: 'دولة عضو واحدة', two: 'دولتين عضوين', few: 'دول أعضاء', many: 'دولة عضوًا', other: 'دولة عضو' },
    },
    un_system: {
      people: arRepresentative,
      bodies: {
        one: 'كيان واحد تابع للأمم المتحدة',
        two: 'كيانين تابعين للأمم المتحدة',
        few: 'كيانات تابعة للأمم المتحدة',
        many: 'كيانًا تابعًا للأمم المتحدة',
        other: 'كيان تابع للأمم المتحدة',
      },
    },
    international_org: {
      people: arRepresentative,
      bodies: {
        one: 'منظمة دولية واحدة',
        two: 'منظمتين دوليتين',
        few: 'منظمات دولية',
        many: 'منظمة دولية',
        other: 'منظمة دولية',
      },
    },
    civil_society: {
      people: arRepresentative,
      bodies: {
        one: 'منظمة واحدة من منظمات المجتمع المدني',
        two: 'منظمتين من منظمات المجتمع المدني',
        few: 'من منظمات المجتمع المدني',
        many: 'منظمة من منظمات المجتمع المدني',
        other: 'منظمة من منظمات المجتمع المدني',
      },
    },
    private_sector: {
      people: arRepresentative,
      bodies: {
        one: 'مؤسسة واحدة من مؤسسات القطاع الخاص',
        two: 'مؤسستين من مؤسسات القطاع الخاص',
        few: 'من مؤسسات القطاع الخاص',
        many: 'مؤسسة من مؤسسات القطاع الخاص',
        other: 'مؤسسة من مؤسسات القطاع الخاص',
      },
    },
    local_government: {
      people: arRepresentative,
      bodies: {
        one: 'حكومة محلية أو إقليمية واحدة',
        two: 'حكومتين محليتين أو إقليميتين',
        few: 'حكومات محلية وإقليمية',
        many: 'حكومة محلية وإقليمية',
        other: 'حكومة محلية وإقليمية',
      },
    },
    academia: {
      people: arRepresentative,
      bodies: {
        one: 'مؤسسة أكاديمية واحدة',
        two: 'مؤسستين أكاديميتين',
        few: 'مؤسسات أكاديمية',
        many: 'مؤسسة أكاديمية',
        other: 'مؤسسة أكاديمية',
      },
    },
    migrant_diaspora_org: {
      people: arRepresentative,
      bodies: {
        one: 'منظمة واحدة للمهاجرين أو المغتربين',
        two: 'منظمتين للمهاجرين أو المغتربين',
        few: 'منظمات للمهاجرين والمغتربين',
        many: 'منظمة للمهاجرين والمغتربين',
        other: 'منظمة للمهاجرين والمغتربين',
      },
    },
    youth: {
      people: arRepresentative,
      bodies: {
        one: 'منظمة شبابية واحدة',
        two: 'منظمتين شبابيتين',
        few: 'منظمات شبابية',
        many: 'منظمة شبابية',
        other: 'منظمة شبابية',
      },
    },
    trade_union: {
      people: arRepresentative,
      bodies: {
        one: 'نقابة عمالية واحدة',
        two: 'نقابتين عماليتين',
        few: 'نقابات عمالية',
        many: 'نقابة عمالية',
        other: 'نقابة عمالية',
      },
    },
    other: {
      people: { one: 'مشارك آخر', two: 'مشاركان آخران', few: 'مشاركين آخرين', many: 'مشاركًا آخر', other: 'مشارك آخر' },
      bodies: null,
    },
  },
};

/** Chinese: no plural; the counter word (名 people, 个/家/所 bodies, 份 contributions) follows the digits. */
const zhRepresentative = { other: '名代表' };
const zh: Language = {
  locale: 'zh',
  opening: (n, from, scope, num) =>
    scope === 'highlighted'
      ? `共有来自${from}的${num(n)}份意见被标记为供编写说明使用的重点意见`
      : `共收到来自${from}的${num(n)}份意见`,
  participants: { other: '名参与者' },
  item: (people, bodies) => (bodies ? `${bodies}的${people}` : people),
  none: (scope) => (scope === 'highlighted' ? '尚无意见被标记为供编写说明使用的重点意见。' : '未收到任何意见。'),
  colon: '：',
  gap: '',
  stop: '。',
  space: '',
  categories: {
    member_state: { people: { other: '名政府代表' }, bodies: { other: '个会员国' } },
    un_system: { people: zhRepresentative, bodies: { other: '个联合国实体' } },
    international_org: { people: zhRepresentative, bodies: { other: '个国际组织' } },
    civil_society: { people: zhRepresentative, bodies: { other: '个民间社会组织' } },
    private_sector: { people: zhRepresentative, bodies: { other: '家私营部门企业和组织' } },
    local_government: { people: zhRepresentative, bodies: { other: '个地方和区域政府' } },
    academia: { people: zhRepresentative, bodies: { other: '所学术和研究机构' } },
    migrant_diaspora_org: { people: zhRepresentative, bodies: { other: '个移民和侨民组织' } },
    youth: { people: zhRepresentative, bodies: { other: '个青年组织' } },
    trade_union: { people: zhRepresentative, bodies: { other: '个工会' } },
    other: { people: { other: '名其他参与者' }, bodies: null },
  },
};

/**
 * Russian: one (1, 21, 31…), few (2–4, 22–24…), many (5–20, 25–30…), other (fractions). People
 * are the subject (nominative); the participants and what they represent follow «от» (genitive:
 * «от 1 участника», «от 5 участников»).
 */
const ruRepresentative = { one: 'представитель', few: 'представителя', many: 'представителей', other: 'представителя' };
const ruGenitive = (one: string, other: string): Forms => ({ one, other });
const ru: Language = {
  locale: 'ru',
  opening: (n, from, scope, num) => {
    const c = new Intl.PluralRules('ru').select(n);
    const noun = c === 'one' ? 'материал' : c === 'many' ? 'материалов' : 'материала';
    return scope === 'highlighted'
      ? `Для записки ${c === 'one' ? 'отмечен' : 'отмечено'} ${num(n)} ${noun} от ${from}`
      : `${c === 'one' ? 'Поступил' : 'Поступило'} ${num(n)} ${noun} от ${from}`;
  },
  participants: ruGenitive('участника', 'участников'),
  item: (people, bodies) => (bodies ? `${people} от ${bodies}` : people),
  none: (scope) =>
    scope === 'highlighted' ? 'Для записки не отмечено ни одного материала.' : 'Не поступило ни одного материала.',
  colon: ':',
  categories: {
    member_state: {
      people: {
        one: 'представитель правительства',
        few: 'представителя правительств',
        many: 'представителей правительств',
        other: 'представителя правительств',
      },
      bodies: ruGenitive('государства-члена', 'государств-членов'),
    },
    un_system: { people: ruRepresentative, bodies: ruGenitive('структуры системы ООН', 'структур системы ООН') },
    international_org: {
      people: ruRepresentative,
      bodies: ruGenitive('международной организации', 'международных организаций'),
    },
    civil_society: {
      people: ruRepresentative,
      bodies: ruGenitive('организации гражданского общества', 'организаций гражданского общества'),
    },
    private_sector: {
      people: ruRepresentative,
      bodies: ruGenitive('организации частного сектора', 'организаций частного сектора'),
    },
    local_government: {
      people: ruRepresentative,
      bodies: ruGenitive('местного или регионального органа власти', 'местных и региональных органов власти'),
    },
    academia: {
      people: ruRepresentative,
      bodies: ruGenitive('академического или научного учреждения', 'академических и научных учреждений'),
    },
    migrant_diaspora_org: {
      people: ruRepresentative,
      bodies: ruGenitive('организации мигрантов или диаспоры', 'организаций мигрантов и диаспоры'),
    },
    youth: { people: ruRepresentative, bodies: ruGenitive('молодёжной организации', 'молодёжных организаций') },
    trade_union: { people: ruRepresentative, bodies: ruGenitive('профсоюза', 'профсоюзов') },
    other: {
      people: {
        one: 'другой участник',
        few: 'других участника',
        many: 'других участников',
        other: 'другого участника',
      },
      bodies: null,
    },
  },
};

const LANGUAGES: Record<SentenceLanguage, Language> = { en, fr, es, ar, zh, ru };

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
  const counted = (n: number, forms: Forms) => {
    const category = plural.select(n);
    const noun = forms[category] ?? forms.other;
    return L.wordsOnly?.includes(category) && forms[category] ? noun : `${num(n)}${L.space ?? ' '}${noun}`;
  };
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
  const stop = L.stop ?? '.';
  if (items.length === 0) return `${opening}${stop}`;
  const list = new Intl.ListFormat(L.locale, { type: 'conjunction', style: 'long' }).format(items);
  return `${opening}${L.colon}${L.gap ?? ' '}${list}${stop}`;
}
