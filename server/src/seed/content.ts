/**
 * Demo content for the development and demo seed: users, the 23 GCM objectives used as
 * tags, two discussion spaces modelled on real migration-forum consultations, and a set
 * of sample contributions in English, French and Spanish.
 *
 * Pure data only: the seeding code turns these constants into database rows. All people
 * and organisations named here are fictional.
 */
import type { CommentLanguage, Locale, ModerationMode, SpaceStatus, StakeholderCategory } from '@convene/shared';

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/** One guiding question (plain text). */
export interface DemoQuestion {
  text: string;
}

export type DemoUserKey =
  'admin' | 'moderator' | 'moderator2' | 'chair' | 'participant' | 'participant2' | 'participant3';

export interface DemoSpace {
  slug: string;
  code: string;
  title: string;
  summary: string;
  /** Markdown, several paragraphs. */
  backgroundMd: string;
  status: SpaceStatus;
  moderationMode: ModerationMode;
  acceptedLanguages: CommentLanguage[];
  disclaimer: string;
  contactEmail: string | null;
  /** Days relative to seeding time (negative = in the past). */
  opensInDays: number;
  /** Days relative to seeding time, or null for no closing date. */
  closesInDays: number | null;
  questions: DemoQuestion[];
  moderators: DemoUserKey[];
  chairs: DemoUserKey[];
  children: DemoSpace[];
}

export interface DemoUser {
  key: DemoUserKey;
  email: string;
  displayName: string;
  affiliation: string;
  stakeholderCategory: StakeholderCategory;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  locale: Locale;
  role: 'user' | 'admin';
}

export interface DemoTag {
  /** '1'..'23' */
  code: string;
  labelEn: string;
  labelFr: string;
  labelEs: string;
}

export interface DemoComment {
  /** Unique id within the demo data, e.g. 'c1'. */
  key: string;
  spaceSlug: string;
  /** 1-based position of the guiding question, or null for a general comment. */
  questionPosition: number | null;
  /** Key of the comment this replies to; it must appear earlier in DEMO_COMMENTS. */
  parentKey: string | null;
  author: DemoUserKey;
  language: CommentLanguage;
  status: 'approved' | 'pending' | 'rejected';
  /** Required when status is 'rejected'. */
  reason?: string;
  bodyMd: string;
  /** GCM objective codes, e.g. ['16', '20']. */
  tags: string[];
  highlighted?: boolean;
}

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

export const DEMO_USERS: DemoUser[] = [
  {
    key: 'admin',
    email: 'admin@convene.example',
    displayName: 'Ingrid Solberg',
    affiliation: 'Convene Platform Team',
    stakeholderCategory: 'other',
    country: null,
    locale: 'en',
    role: 'admin',
  },
  {
    key: 'moderator',
    email: 'moderator@convene.example',
    displayName: 'Tomás Ferreira-Lind',
    affiliation: 'IOM — Forum Secretariat',
    stakeholderCategory: 'un_system',
    country: 'CH',
    locale: 'en',
    role: 'user',
  },
  {
    key: 'moderator2',
    email: 'moderator2@convene.example',
    displayName: 'Nadia Okonkwo-Bauer',
    affiliation: 'UN Network on Migration Secretariat',
    stakeholderCategory: 'un_system',
    country: 'CH',
    locale: 'en',
    role: 'user',
  },
  {
    key: 'chair',
    email: 'chair@convene.example',
    displayName: 'Maria Consuelo Dizon',
    affiliation: 'Permanent Mission of the Philippines, Geneva',
    stakeholderCategory: 'member_state',
    country: 'PH',
    locale: 'en',
    role: 'user',
  },
  {
    key: 'participant',
    email: 'participant@convene.example',
    displayName: 'Wanjiru Kamau-Otieno',
    affiliation: 'Diaspora Bridges Kenya',
    stakeholderCategory: 'civil_society',
    country: 'KE',
    locale: 'en',
    role: 'user',
  },
  {
    key: 'participant2',
    email: 'participant2@convene.example',
    displayName: 'Diego Arancibia Torres',
    affiliation: 'Delegación de México',
    stakeholderCategory: 'member_state',
    country: 'MX',
    locale: 'es',
    role: 'user',
  },
  {
    key: 'participant3',
    email: 'participant3@convene.example',
    displayName: 'Claire Vautrin-Diallo',
    affiliation: 'Université Rhône-Alpes, Laboratoire Mobilités & Sociétés',
    stakeholderCategory: 'academia',
    country: 'FR',
    locale: 'fr',
    role: 'user',
  },
];

// ---------------------------------------------------------------------------
// Tags: the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration
// ---------------------------------------------------------------------------

export const GCM_OBJECTIVES: DemoTag[] = [
  {
    code: '1',
    labelEn: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
    labelFr:
      'Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de politiques fondées sur la connaissance des faits',
    labelEs: 'Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica',
  },
  {
    code: '2',
    labelEn: 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin',
    labelFr:
      'Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d’origine',
    labelEs: 'Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen',
  },
  {
    code: '3',
    labelEn: 'Provide accurate and timely information at all stages of migration',
    labelFr: 'Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration',
    labelEs: 'Proporcionar información exacta y oportuna en todas las etapas de la migración',
  },
  {
    code: '4',
    labelEn: 'Ensure that all migrants have proof of legal identity and adequate documentation',
    labelFr: 'Munir tous les migrants d’une preuve de leur identité juridique et de papiers adéquats',
    labelEs: 'Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada',
  },
  {
    code: '5',
    labelEn: 'Enhance availability and flexibility of pathways for regular migration',
    labelFr: 'Faire en sorte que les filières de migration régulière soient accessibles et plus souples',
    labelEs: 'Aumentar la disponibilidad y flexibilidad de las vías de migración regular',
  },
  {
    code: '6',
    labelEn: 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
    labelFr: 'Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent',
    labelEs:
      'Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente',
  },
  {
    code: '7',
    labelEn: 'Address and reduce vulnerabilities in migration',
    labelFr: 'S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire',
    labelEs: 'Abordar y reducir las vulnerabilidades en la migración',
  },
  {
    code: '8',
    labelEn: 'Save lives and establish coordinated international efforts on missing migrants',
    labelFr: 'Sauver des vies et mettre en place une action internationale coordonnée concernant les migrants disparus',
    labelEs: 'Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos',
  },
  {
    code: '9',
    labelEn: 'Strengthen the transnational response to smuggling of migrants',
    labelFr: 'Renforcer l’action transnationale face au trafic de migrants',
    labelEs: 'Reforzar la respuesta transnacional al tráfico ilícito de migrantes',
  },
  {
    code: '10',
    labelEn: 'Prevent, combat and eradicate trafficking in persons in the context of international migration',
    labelFr: 'Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales',
    labelEs: 'Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional',
  },
  {
    code: '11',
    labelEn: 'Manage borders in an integrated, secure and coordinated manner',
    labelFr: 'Gérer les frontières de manière intégrée, sûre et coordonnée',
    labelEs: 'Gestionar las fronteras de manera integrada, segura y coordinada',
  },
  {
    code: '12',
    labelEn:
      'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral',
    labelFr:
      'Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, des évaluations et une orientation appropriés',
    labelEs:
      'Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación',
  },
  {
    code: '13',
    labelEn: 'Use migration detention only as a measure of last resort and work towards alternatives',
    labelFr:
      'Ne recourir à la détention administrative des migrants qu’en dernier ressort et chercher des solutions de rechange',
    labelEs: 'Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas',
  },
  {
    code: '14',
    labelEn: 'Enhance consular protection, assistance and cooperation throughout the migration cycle',
    labelFr: 'Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle migratoire',
    labelEs: 'Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio',
  },
  {
    code: '15',
    labelEn: 'Provide access to basic services for migrants',
    labelFr: 'Assurer l’accès des migrants aux services de base',
    labelEs: 'Proporcionar a los migrantes acceso a servicios básicos',
  },
  {
    code: '16',
    labelEn: 'Empower migrants and societies to realize full inclusion and social cohesion',
    labelFr: 'Donner aux migrants et aux sociétés les moyens de réaliser la pleine intégration et la cohésion sociale',
    labelEs: 'Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social',
  },
  {
    code: '17',
    labelEn:
      'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
    labelFr:
      'Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse des faits afin de faire évoluer la manière dont les migrations sont perçues',
    labelEs:
      'Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración',
  },
  {
    code: '18',
    labelEn: 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
    labelFr:
      'Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences',
    labelEs:
      'Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias',
  },
  {
    code: '19',
    labelEn:
      'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries',
    labelFr:
      'Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays',
    labelEs:
      'Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países',
  },
  {
    code: '20',
    labelEn: 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
    labelFr:
      'Promouvoir des transferts de fonds plus rapides, plus sûrs et moins coûteux et favoriser l’inclusion financière des migrants',
    labelEs:
      'Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes',
  },
  {
    code: '21',
    labelEn:
      'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration',
    labelFr:
      'Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dans la dignité, ainsi que leur réintégration durable',
    labelEs:
      'Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible',
  },
  {
    code: '22',
    labelEn: 'Establish mechanisms for the portability of social security entitlements and earned benefits',
    labelFr: 'Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis',
    labelEs: 'Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas',
  },
  {
    code: '23',
    labelEn: 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
    labelFr:
      'Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières',
    labelEs:
      'Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular',
  },
];

// ---------------------------------------------------------------------------
// Spaces
// ---------------------------------------------------------------------------

const RT_1_1_BACKGROUND = `## Expected outcome

This roundtable is expected to identify practical, transferable measures that allow migrants and diaspora members to put their skills, savings, knowledge and networks to work — for themselves, their families and the communities they live in and come from. The co-chairs will bring the contributions received here into a short background note (about 1,000 words) that frames the discussion in the room, and into the summary report that follows it.

## Context

Migrants carry several kinds of capital with them: human capital (education, work experience, languages), financial capital (earnings, savings and remittances), and social capital (the networks that link places of origin and destination). Too often this capital is wasted. Qualified nurses work as carers, engineers as drivers; remittances are eroded by high transfer costs; diaspora investors find no reliable partner at home. Turning vulnerability into resilience means removing these barriers so that migration is a choice that pays off, rather than a gamble.

The 2030 Agenda recognises this link explicitly. **SDG target 10.7** calls on States to facilitate orderly, safe, regular and responsible migration and mobility of people through planned and well-managed migration policies, and **target 10.c** seeks to bring the transaction costs of remittances below 3 per cent. **Target 17.18** asks for more high-quality, timely and reliable data disaggregated by, among other characteristics, migratory status — without such data, the contribution of migrants stays invisible in national statistics and in policy.

Previous meetings of the forum have shown a broad consensus on three points:

- recognition of qualifications and prior learning is one of the cheapest and most effective ways to avoid “brain waste”;
- remittances are private money: policy should lower their cost and widen the choices open to families, not direct how they are spent;
- diaspora engagement works best when it is built on trust, with partners at local level and clear, stable rules.

## This consultation

The guiding questions below are meant to start the conversation, not to limit it. Governments, international organisations, civil society, the private sector, local authorities, academia, diaspora and migrant organisations, youth groups and trade unions are all invited to contribute. Concrete examples — a programme, a law, an evaluation, a figure — are the most useful input for the co-chairs.

You are warmly invited to submit your comments in English, French or Spanish, in reply to one of the guiding questions or to another participant.`;

const IMRF_RT3_BACKGROUND = `## Purpose of this consultation

This online consultation gathers input from Member States and stakeholders to inform the background note of **Roundtable 3** of the International Migration Review Forum. The roundtable reviews progress on the objectives of the Global Compact for Safe, Orderly and Regular Migration that deal with consular protection, access to services, inclusion and social cohesion, the contribution of diasporas, remittances and financial inclusion, and the portability of earned benefits (Objectives 14, 15, 16, 19, 20 and 22).

The background note is being drafted by the **Northbridge Institute for Human Mobility** and the **Coalition for Fair Migration Futures**, on behalf of the co-chairs of the roundtable. They will read every published answer; the most relevant contributions will be reflected in the note and may be quoted, with attribution, in the summary of the roundtable.

## How to take part

The moderators have posted three discussion questions below. Please answer under the question your contribution addresses, or reply to another participant to build on their point. Answers are welcome in **English, French and Spanish**. Where your answer addresses a specific objective, please label it (for example “Objective 16: …”) so that the drafters can group contributions by theme. Organisations may attach a position paper (PDF) to their answer.

Contributions are reviewed by the moderators before they are published. Anyone may read the consultation; you need to sign in to post an answer.`;

export const DEMO_SPACES: DemoSpace[] = [
  {
    slug: 'roundtable-1',
    code: 'RoundTable 1',
    title: 'From vulnerability to resilience',
    summary:
      'Session of the forum on how migration policy can reduce the vulnerabilities migrants face and help them, their families and their communities become more resilient.',
    backgroundMd: `The first roundtable session of this year’s forum looks at the whole migration journey through one lens: what makes migrants vulnerable, and what lets them and the communities around them recover, adapt and thrive.

The session is organised in sub-roundtables, each with its own co-chairs, background and guiding questions. The written input collected in each sub-roundtable feeds the background note that the co-chairs circulate before the meeting, and the summary report published after it.

Please choose a roundtable below to read its background and contribute.`,
    status: 'open',
    moderationMode: 'pre',
    acceptedLanguages: ['en', 'fr', 'es'],
    disclaimer:
      'Contributions are published after review by the moderators. The views expressed are those of the participants and do not necessarily reflect the position of the forum, its co-chairs or the organisations hosting this platform.',
    contactEmail: null,
    opensInDays: -10,
    closesInDays: 21,
    questions: [],
    moderators: ['moderator'],
    chairs: ['chair'],
    children: [
      {
        slug: 'rt-1-1',
        code: 'RT 1.1',
        title: 'Harnessing the capital of migrants to realise their potential',
        summary:
          'How can the skills, savings and networks of migrants and diasporas be recognised and put to work for development in countries of origin and destination?',
        backgroundMd: RT_1_1_BACKGROUND,
        status: 'open',
        moderationMode: 'pre',
        acceptedLanguages: ['en', 'fr', 'es'],
        disclaimer:
          'We invite you to submit your comments on the guiding questions. Please make sure each comment is correctly identified with your real name and the organisation you represent; anonymous or unidentified comments will not be published. Comments are reviewed by the moderator before publication, and the chair of the roundtable decides which comments are relevant for the background note. The views expressed are those of the participants.',
        contactEmail: null,
        opensInDays: -10,
        closesInDays: 21,
        questions: [
          {
            text: 'What are the main obstacles that keep migrants and diaspora members from contributing their skills, savings and networks to development in countries of origin and destination?',
          },
          {
            text: 'Which policies have proven effective in recognising migrants’ qualifications and prior learning, and how could they be scaled up?',
          },
          {
            text: 'How can skills partnerships between countries of origin and destination be designed so that both countries, and migrants themselves, benefit?',
          },
          {
            text: 'What role can local and regional governments play in turning the capital of migrants into local development?',
          },
          {
            text: 'How can the cost of sending remittances be brought below 3 per cent, and corridors costing more than 5 per cent be eliminated, as foreseen in SDG target 10.c?',
          },
          {
            text: 'Which financial products and services help migrants and their families to save and invest, and not only to consume, the money they send home?',
          },
          {
            text: 'How can diaspora investment and entrepreneurship be encouraged without shifting public responsibilities onto migrants?',
          },
          {
            text: 'Which measures best protect migrant workers from abusive recruitment practices and fees that erode their earnings?',
          },
          {
            text: 'How can the specific situations of migrant women, young migrants and returnees be taken into account when these policies are designed?',
          },
          {
            text: 'What data are needed to measure the economic and social contributions of migrants, and how can data disaggregated by migratory status be improved under SDG target 17.18?',
          },
          {
            text: 'How can partnerships with the private sector, trade unions and civil society be strengthened to support migrants in realising their potential?',
          },
          {
            text: 'Which concrete practices or commitments would your government or organisation propose for the outcome of this roundtable?',
          },
        ],
        moderators: ['moderator'],
        chairs: ['chair'],
        children: [],
      },
    ],
  },
  {
    slug: 'imrf-roundtable-3',
    code: 'IMRF RT 3',
    title: 'IMRF Roundtable 3 Consultation',
    summary:
      'Online consultation to gather the views of Member States and stakeholders for the background note of Roundtable 3 of the International Migration Review Forum.',
    backgroundMd: IMRF_RT3_BACKGROUND,
    status: 'open',
    moderationMode: 'pre',
    acceptedLanguages: ['en', 'fr', 'es'],
    disclaimer:
      'The opinions expressed in this consultation are those of the participants alone and do not necessarily reflect the views of the United Nations Network on Migration, its members, the co-chairs of the roundtable or the drafting organisations.',
    contactEmail: 'consultation@convene.example',
    opensInDays: -14,
    closesInDays: 14,
    questions: [
      {
        text: 'What progress has your government or organisation made, since the adoption of the Global Compact, in implementing the objectives reviewed in this roundtable, and which challenges remain?',
      },
      {
        text: 'Which practices have been most effective in ensuring that migrants, regardless of status, have access to basic services, social protection and the portability of their earned benefits?',
      },
      {
        text: 'How can partnerships — with local authorities, diaspora organisations, the private sector and others — be strengthened to accelerate implementation before the next review?',
      },
    ],
    moderators: ['moderator', 'moderator2'],
    chairs: ['chair'],
    children: [],
  },
];

// ---------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------

export const DEMO_COMMENTS: DemoComment[] = [
  // --- RT 1.1 ---------------------------------------------------------------
  {
    key: 'c1',
    spaceSlug: 'rt-1-1',
    questionPosition: 1,
    parentKey: null,
    author: 'participant',
    language: 'en',
    status: 'approved',
    highlighted: true,
    tags: ['18', '19', '20'],
    bodyMd: `Thank you to the co-chairs for opening this discussion. From our work with Kenyan diaspora associations in the Gulf and in Europe, three obstacles come up again and again:

1. **Unrecognised qualifications.** Around four in ten of the returnees we surveyed in 2023 had worked abroad in jobs below their level of training[^1]. The skills they gained abroad are rarely certified, so they do not count when they come home either.
2. **The cost and friction of sending money.** Families still lose a significant share of each transfer in fees and exchange-rate margins, especially for small amounts sent through cash agents.
3. **Lack of trusted partners.** Diaspora members who want to invest at home often do not know whom to trust. Several of our members lost savings in housing schemes that were never built.

What works, in our experience, is boring but effective: one-stop information desks at consulates, short skills-assessment tests that lead to a recognised certificate, and matching schemes in which county governments co-invest alongside diaspora groups. We have documented some of these on our [practice page](https://diasporabridges.example/practices).

We would urge the roundtable not to treat migrants only as senders of money. Their knowledge and their networks are worth at least as much as their remittances.

[^1]: Diaspora Bridges Kenya, *Coming Home with Skills: a survey of 612 returning migrant workers*, Nairobi, 2023.`,
  },
  {
    key: 'c2',
    spaceSlug: 'rt-1-1',
    questionPosition: 3,
    parentKey: null,
    author: 'participant3',
    language: 'fr',
    status: 'approved',
    tags: ['5', '18'],
    bodyMd: `Les partenariats de compétences ne fonctionnent que s’ils sont pensés dès le départ comme des accords « gagnant-gagnant-gagnant » : pour le pays d’origine, pour le pays de destination et pour les personnes migrantes elles-mêmes.

Nos travaux sur trois partenariats entre la France et des pays d’Afrique de l’Ouest montrent que la formation doit être financée en partie dans le pays d’origine, et ouverte aussi à des jeunes qui ne partiront pas[^1]. Sans cela, le partenariat est perçu comme une simple « fuite des cerveaux » organisée, et il perd rapidement son soutien politique.

Trois conditions nous paraissent essentielles :

- une reconnaissance des diplômes négociée **avant** le départ, et non après l’arrivée ;
- l’implication des employeurs et des syndicats dans la conception des cursus ;
- un suivi indépendant des parcours, y compris après un éventuel retour.

[^1]: C. Vautrin-Diallo et al., « Former ici, travailler là-bas ? Trois partenariats de compétences au banc d’essai », *Revue des mobilités contemporaines*, n° 14, 2024.`,
  },
  {
    key: 'c3',
    spaceSlug: 'rt-1-1',
    questionPosition: 1,
    parentKey: 'c1',
    author: 'participant2',
    language: 'es',
    status: 'approved',
    tags: ['19', '20'],
    bodyMd: `Coincidimos plenamente con el análisis de Diaspora Bridges Kenya. En México, la experiencia de los programas de coinversión con comunidades en el exterior muestra que la confianza es la condición previa de cualquier inversión de la diáspora.

Cuando los gobiernos locales, estatales y federales aportan recursos junto a los clubes de migrantes, y los proyectos se eligen de manera transparente, la participación crece año tras año. Cuando las reglas cambian con cada administración, la diáspora se retira.

Nos parece importante que la nota de antecedentes subraye la **estabilidad de las reglas** como un factor de éxito, tanto como el costo de las remesas.`,
  },
  {
    key: 'c4',
    spaceSlug: 'rt-1-1',
    questionPosition: 3,
    parentKey: 'c2',
    author: 'participant',
    language: 'en',
    status: 'approved',
    tags: ['18'],
    bodyMd: `Very much agree with Prof. Vautrin-Diallo on negotiating recognition *before* departure. We would add one point from the side of countries of origin: the training places funded by such partnerships should be located in public institutions, so that the investment stays in the national system when the project ends.

We have seen private training centres open for a two-year partnership and close the day the funding stopped.`,
  },
  {
    key: 'c5',
    spaceSlug: 'rt-1-1',
    questionPosition: 7,
    parentKey: null,
    author: 'participant2',
    language: 'es',
    status: 'pending',
    tags: ['19', '20'],
    bodyMd: `Desde la perspectiva de un país de origen, es fundamental distinguir entre **facilitar** la inversión de la diáspora y **depender** de ella. Las remesas y las inversiones de las personas migrantes no deben sustituir la inversión pública en infraestructura, salud o educación.

Proponemos que el documento final incluya una referencia explícita a este principio, así como a la necesidad de ofrecer instrumentos de ahorro e inversión voluntarios, con protección al consumidor y sin condicionalidades.`,
  },
  {
    key: 'c6',
    spaceSlug: 'rt-1-1',
    questionPosition: 5,
    parentKey: null,
    author: 'participant',
    language: 'en',
    status: 'rejected',
    reason:
      'Promotional content: the comment advertises a commercial money-transfer offer and does not address the guiding question. You are welcome to resubmit a contribution on remittance costs.',
    tags: ['20'],
    bodyMd: `Send money home for FREE this month with our partner app! Use code FORUM2025 at sign-up and get your first three transfers without fees. Download now and tell your friends.`,
  },
  {
    key: 'c7',
    spaceSlug: 'rt-1-1',
    questionPosition: 10,
    parentKey: null,
    author: 'participant3',
    language: 'fr',
    status: 'approved',
    tags: ['1', '19'],
    bodyMd: `Sur la question des données, il faut rappeler que la plupart des enquêtes nationales sur l’emploi ne permettent toujours pas de distinguer les personnes selon leur statut migratoire, ni de repérer les personnes revenues au pays après une expérience à l’étranger.

Deux mesures simples amélioreraient beaucoup la situation au regard de la cible 17.18 :

1. ajouter aux recensements et aux enquêtes-emploi un petit module standard (pays de naissance, pays de nationalité, année d’arrivée, expérience migratoire antérieure) ;
2. ouvrir aux chercheurs, dans des conditions sécurisées, l’accès aux données administratives déjà existantes (titres de séjour, sécurité sociale, fiscalité).

L’enjeu n’est pas seulement statistique : ce qui n’est pas mesuré n’est pas reconnu, et la contribution des personnes migrantes reste invisible dans le débat public. Les indicateurs de l’[objectif 10 des ODD](https://sdgs.un.org/goals/goal10) offrent un cadre commun qu’il serait utile de mobiliser davantage.`,
  },

  // --- IMRF Roundtable 3 ------------------------------------------------------
  {
    key: 'c8',
    spaceSlug: 'imrf-roundtable-3',
    questionPosition: 1,
    parentKey: null,
    author: 'participant',
    language: 'en',
    status: 'approved',
    highlighted: true,
    tags: ['16', '20'],
    bodyMd: `Diaspora Bridges Kenya welcomes this consultation and offers the following input, drawn from our programmes with migrant workers and their families in Kenya, the Gulf States and Europe.

**Objective 16: Empower migrants and societies to realize full inclusion and social cohesion.** Since the adoption of the Global Compact we have seen real progress in how local authorities engage with migrant communities: several county governments now hold regular consultations with returnee and diaspora associations. Inclusion still stops, however, at the door of the labour market. Returnees struggle to have skills gained abroad recognised, and migrant women returning from domestic work face particular stigma[^1]. We recommend:

- community-based reintegration support, designed with returnees rather than for them;
- recognition of prior learning for skills gained abroad, including in care and domestic work;
- public campaigns, co-led by migrants, that counter negative narratives about return.

**Objective 20: Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants.** Mobile money has lowered costs on some corridors dramatically, but the global average remains well above the 3 per cent target, and the most expensive corridors are often those used by the poorest senders[^2]. Regulators should allow licensed mobile-money providers to operate cross-border on equal terms with banks, and pre-departure training should include basic financial literacy.

We attach our position paper on reintegration for further detail and would be glad to share the underlying data with the drafting team.

[^1]: Diaspora Bridges Kenya, *Coming Home with Skills*, Nairobi, 2023, chapter 3.
[^2]: See the World Bank’s [Remittance Prices Worldwide](https://remittanceprices.worldbank.org) database for corridor-level costs.`,
  },
  {
    key: 'c9',
    spaceSlug: 'imrf-roundtable-3',
    questionPosition: 2,
    parentKey: null,
    author: 'participant2',
    language: 'es',
    status: 'approved',
    highlighted: true,
    tags: ['14', '15', '22'],
    bodyMd: `La Delegación de México agradece a los copresidentes la oportunidad de contribuir a esta consulta.

**Objetivo 15: Proporcionar a los migrantes acceso a servicios básicos.** Nuestra red consular ha ampliado las «ventanillas» de salud y de orientación financiera en los consulados, que atienden a todas las personas mexicanas en el exterior con independencia de su situación migratoria. En 2023 se brindaron más de un millón de atenciones en estas ventanillas[^1]. La lección principal es que los servicios deben ofrecerse en espacios de confianza, donde las personas no teman ser denunciadas por acudir.

**Objetivo 22: Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas.** Los convenios bilaterales de seguridad social siguen siendo la herramienta más eficaz, pero su negociación es lenta. Proponemos:

1. modelos de acuerdo simplificados que puedan adoptarse de forma regional;
2. el reconocimiento de periodos cotizados en varios países para las pensiones;
3. el intercambio electrónico de datos entre instituciones de seguridad social, con garantías de protección de datos personales.

La portabilidad no es un privilegio: es el reconocimiento de derechos que las personas trabajadoras migrantes ya han adquirido con su trabajo.

[^1]: Cifras preliminares de la red consular; el informe nacional voluntario presentado al Foro incluye el detalle por país.`,
  },
  {
    key: 'c10',
    spaceSlug: 'imrf-roundtable-3',
    questionPosition: 1,
    parentKey: 'c8',
    author: 'participant3',
    language: 'fr',
    status: 'approved',
    tags: ['16', '17'],
    bodyMd: `Je rejoins pleinement la remarque sur la stigmatisation des femmes de retour après un emploi domestique à l’étranger. Nos entretiens au Sénégal et au Mali montrent le même phénomène : le retour est souvent vécu comme un « échec » par l’entourage, ce qui pousse certaines personnes à repartir dans de moins bonnes conditions.

Les campagnes publiques évoquées dans la contribution de Diaspora Bridges Kenya gagneraient à s’appuyer sur des récits portés par les personnes concernées elles-mêmes, et à être évaluées de manière indépendante.`,
  },
  {
    key: 'c11',
    spaceSlug: 'imrf-roundtable-3',
    questionPosition: 2,
    parentKey: 'c9',
    author: 'participant',
    language: 'en',
    status: 'approved',
    tags: ['22'],
    bodyMd: `The point on simplified, regional model agreements is an important one. In East Africa, workers who move between several countries over their careers currently lose most of their contributions because no agreement covers all the places they have worked.

A regional framework, even a minimal one recognising periods of contribution, would make an immediate difference for hundreds of thousands of workers.`,
  },
  {
    key: 'c12',
    spaceSlug: 'imrf-roundtable-3',
    questionPosition: 3,
    parentKey: null,
    author: 'participant3',
    language: 'fr',
    status: 'approved',
    tags: ['14', '19'],
    bodyMd: `**Objectif 19 : Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays.** Les partenariats les plus solides que nous avons étudiés reposent sur les collectivités locales : jumelages entre villes, fonds de co-développement gérés conjointement par une commune et des associations de la diaspora, maisons des associations de migrants.

Ces partenariats souffrent toutefois de deux faiblesses : un financement de court terme, renouvelé d’année en année, et une faible visibilité dans les plans nationaux de mise en œuvre du Pacte[^1]. Nous suggérons que les plans nationaux comportent systématiquement un volet « collectivités locales et diasporas », doté de moyens pluriannuels.

**Objectif 14 : Renforcer la protection, l’assistance et la coopération consulaires.** Les consulats peuvent jouer un rôle de passerelle entre diasporas et collectivités d’origine, à condition de disposer de personnel formé à cette mission.

[^1]: Sur 42 plans ou rapports nationaux examinés, moins d’un tiers mentionnent explicitement les collectivités locales (analyse du Laboratoire Mobilités & Sociétés, 2024).`,
  },
  {
    key: 'c13',
    spaceSlug: 'imrf-roundtable-3',
    questionPosition: 3,
    parentKey: 'c12',
    author: 'participant2',
    language: 'es',
    status: 'pending',
    tags: ['19'],
    bodyMd: `Compartimos la propuesta de incluir un componente de «gobiernos locales y diásporas» en los planes nacionales. En nuestra experiencia, los mecanismos de coinversión con financiamiento plurianual han sido los más sostenibles. Estaríamos dispuestos a compartir los lineamientos de operación con el equipo de redacción.`,
  },
  {
    key: 'c14',
    spaceSlug: 'imrf-roundtable-3',
    questionPosition: 3,
    parentKey: null,
    author: 'participant',
    language: 'en',
    status: 'pending',
    tags: ['20', '23'],
    bodyMd: `On partnerships with the private sector: remittance service providers, mobile network operators and banks should be invited to make public, measurable commitments on corridor costs, with progress reported at each review of the Global Compact.

Voluntary pledges without reporting have not moved the most expensive corridors. A simple annual scorecard, published by the Network, would change the incentives.`,
  },
  {
    key: 'c15',
    spaceSlug: 'imrf-roundtable-3',
    questionPosition: 1,
    parentKey: null,
    author: 'participant2',
    language: 'es',
    status: 'approved',
    tags: ['20'],
    bodyMd: `**Objetivo 20.** Desde la adopción del Pacto, México ha trabajado con el sector financiero para reducir el costo de envío de remesas en el corredor con los Estados Unidos y para promover la apertura de cuentas a distancia para personas en el exterior.

El principal desafío pendiente es la inclusión financiera de las familias receptoras en zonas rurales, donde el acceso a servicios bancarios sigue siendo limitado y la mayoría de las remesas se cobra en efectivo.`,
  },
];
