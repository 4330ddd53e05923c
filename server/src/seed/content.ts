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

/** One guiding question (plain text), in the space's original language and translated. */
export interface DemoQuestion {
  text: string;
  translations?: Partial<Record<Locale, string>>;
}

/** A space's texts in a language other than its original (English for the demo). */
export interface DemoSpaceTexts {
  title?: string;
  summary?: string;
  backgroundMd?: string;
  disclaimer?: string;
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
  /** Formal translations of the texts above, by language. */
  translations?: Partial<Record<Locale, DemoSpaceTexts>>;
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

const RT_1_1_BACKGROUND_FR = `## Résultat attendu

Cette table ronde doit permettre de recenser des mesures concrètes et transposables grâce auxquelles les migrants et les membres des diasporas pourront mettre à profit leurs compétences, leur épargne, leurs connaissances et leurs réseaux, pour eux-mêmes, pour leur famille et pour les communautés dans lesquelles ils vivent et dont ils sont issus. Les coprésidents intégreront les contributions reçues ici dans une brève note d’information (environ 1 000 mots) qui servira de cadre aux débats en séance, ainsi que dans le rapport de synthèse qui suivra.

## Contexte

Les migrants emportent avec eux plusieurs formes de capital : un capital humain (études, expérience professionnelle, langues), un capital financier (revenus, épargne et envois de fonds) et un capital social (les réseaux qui relient les lieux d’origine et de destination). Ce capital est trop souvent gaspillé. Des infirmières qualifiées travaillent comme aides à domicile, des ingénieurs comme chauffeurs ; les envois de fonds sont amputés par des frais de transfert élevés ; les investisseurs de la diaspora ne trouvent pas de partenaire fiable dans leur pays. Passer de la vulnérabilité à la résilience suppose de lever ces obstacles, afin que la migration soit un choix qui porte ses fruits plutôt qu’un pari.

Le Programme de développement durable à l’horizon 2030 reconnaît explicitement ce lien. La **cible 10.7 des objectifs de développement durable** invite les États à faciliter la migration et la mobilité de façon ordonnée, sans danger, régulière et responsable, notamment par la mise en œuvre de politiques migratoires planifiées et bien gérées, et la **cible 10.c** vise à faire baisser au-dessous de 3 % les coûts de transaction des envois de fonds. La **cible 17.18** appelle à disposer d’un beaucoup plus grand nombre de données de qualité, actualisées et exactes, ventilées notamment selon le statut migratoire ; sans ces données, la contribution des migrants reste invisible dans les statistiques nationales et dans les politiques publiques.

Les précédentes réunions du forum ont fait apparaître un large consensus sur trois points :

- la reconnaissance des qualifications et des acquis est l’un des moyens les moins coûteux et les plus efficaces d’éviter le « gaspillage des compétences » ;
- les envois de fonds sont des fonds privés : les politiques doivent en réduire le coût et élargir les choix offerts aux familles, et non dicter la manière dont ils sont dépensés ;
- la mobilisation des diasporas donne les meilleurs résultats lorsqu’elle repose sur la confiance, sur des partenaires à l’échelon local et sur des règles claires et stables.

## La présente consultation

Les questions directrices ci-dessous ont pour objet d’ouvrir le débat, et non de le limiter. Les gouvernements, les organisations internationales, la société civile, le secteur privé, les autorités locales, les milieux universitaires, les organisations de la diaspora et de migrants, les organisations de jeunes et les syndicats sont tous invités à y contribuer. Les exemples concrets (un programme, une loi, une évaluation, un chiffre) sont les contributions les plus utiles aux coprésidents.

Vous êtes cordialement invités à soumettre vos commentaires en anglais, en espagnol ou en français, en réponse à l’une des questions directrices ou à un autre participant.`;

const RT_1_1_BACKGROUND_ES = `## Resultado previsto

Se espera que esta mesa redonda permita determinar medidas prácticas y transferibles gracias a las cuales los migrantes y los miembros de las diásporas puedan aprovechar sus competencias, ahorros, conocimientos y redes, en beneficio propio, de sus familias y de las comunidades en las que viven y de las que proceden. Las copresidencias incorporarán las contribuciones recibidas en este espacio a una breve nota de antecedentes (de unas 1.000 palabras) que servirá de marco para el debate en la sala, así como al informe resumido que se publicará posteriormente.

## Contexto

Los migrantes llevan consigo varios tipos de capital: capital humano (educación, experiencia laboral, idiomas), capital financiero (ingresos, ahorros y remesas) y capital social (las redes que vinculan los lugares de origen y de destino). Con demasiada frecuencia, ese capital se desaprovecha. Hay enfermeras cualificadas que trabajan como cuidadoras e ingenieros que trabajan como conductores; las remesas se ven mermadas por los elevados costos de transferencia; los inversores de la diáspora no encuentran un asociado fiable en su país. Pasar de la vulnerabilidad a la resiliencia significa eliminar estos obstáculos para que la migración sea una opción provechosa y no una apuesta.

La Agenda 2030 para el Desarrollo Sostenible reconoce expresamente este vínculo. La **meta 10.7 de los Objetivos de Desarrollo Sostenible** insta a los Estados a facilitar la migración y la movilidad ordenadas, seguras, regulares y responsables de las personas, incluso mediante la aplicación de políticas migratorias planificadas y bien gestionadas, y la **meta 10.c** procura reducir a menos del 3 % los costos de transacción de las remesas. La **meta 17.18** pide aumentar significativamente la disponibilidad de datos oportunos, fiables y de gran calidad desglosados, entre otras características, por estatus migratorio; sin esos datos, la contribución de los migrantes sigue siendo invisible en las estadísticas nacionales y en las políticas.

Las reuniones anteriores del foro han puesto de manifiesto un amplio consenso sobre tres puntos:

- el reconocimiento de las cualificaciones y del aprendizaje previo es una de las formas más económicas y eficaces de evitar el «desperdicio de talento»;
- las remesas son fondos privados: las políticas deben reducir su costo y ampliar las opciones de las familias, no determinar cómo se gastan;
- la colaboración con las diásporas da mejores resultados cuando se basa en la confianza, con asociados a nivel local y normas claras y estables.

## La presente consulta

Las preguntas orientativas que figuran a continuación tienen por objeto iniciar el diálogo, no limitarlo. Se invita a contribuir a los gobiernos, las organizaciones internacionales, la sociedad civil, el sector privado, las autoridades locales, el mundo académico, las organizaciones de la diáspora y de migrantes, las organizaciones juveniles y los sindicatos. Los ejemplos concretos (un programa, una ley, una evaluación, una cifra) son las aportaciones más útiles para las copresidencias.

Le invitamos cordialmente a presentar sus comentarios en español, francés o inglés, en respuesta a una de las preguntas orientativas o a otro participante.`;

const IMRF_RT3_BACKGROUND_FR = `## Objet de la présente consultation

La présente consultation en ligne vise à recueillir les contributions des États Membres et des parties prenantes en vue de l’élaboration de la note d’information de la **table ronde 3** du Forum d’examen des migrations internationales. La table ronde fait le point sur les progrès accomplis dans la réalisation des objectifs du Pacte mondial pour des migrations sûres, ordonnées et régulières qui ont trait à la protection consulaire, à l’accès aux services, à l’inclusion et à la cohésion sociale, à la contribution des diasporas, aux envois de fonds et à l’inclusion financière, ainsi qu’à la portabilité des droits acquis (objectifs 14, 15, 16, 19, 20 et 22).

La note d’information est rédigée par le **Northbridge Institute for Human Mobility** et la **Coalition for Fair Migration Futures**, pour le compte des coprésidents de la table ronde. Ceux-ci liront chacune des réponses publiées ; les contributions les plus pertinentes seront prises en compte dans la note et pourront être citées, avec mention de leur auteur, dans le résumé de la table ronde.

## Comment participer

Les modérateurs ont publié ci-dessous trois questions de discussion. Veuillez répondre sous la question à laquelle se rapporte votre contribution, ou répondre à un autre participant pour approfondir son propos. Les réponses peuvent être rédigées en **anglais, en espagnol ou en français**. Lorsque votre réponse porte sur un objectif précis, veuillez l’indiquer (par exemple « Objectif 16 : … ») afin que les rédacteurs puissent regrouper les contributions par thème. Les organisations peuvent joindre à leur réponse un document de position (PDF).

Les contributions sont examinées par les modérateurs avant leur publication. Chacun peut lire les contributions publiées ; vous devez vous connecter pour publier une réponse.`;

const IMRF_RT3_BACKGROUND_ES = `## Objeto de la presente consulta

La presente consulta en línea tiene por objeto recabar aportaciones de los Estados Miembros y las partes interesadas para la elaboración de la nota de antecedentes de la **mesa redonda 3** del Foro de Examen de la Migración Internacional. La mesa redonda examina los progresos realizados en el logro de los objetivos del Pacto Mundial para la Migración Segura, Ordenada y Regular relativos a la protección consular, el acceso a los servicios, la inclusión y la cohesión social, la contribución de las diásporas, las remesas y la inclusión financiera, y la portabilidad de los derechos adquiridos (objetivos 14, 15, 16, 19, 20 y 22).

La nota de antecedentes está siendo redactada por el **Northbridge Institute for Human Mobility** y la **Coalition for Fair Migration Futures**, en nombre de las copresidencias de la mesa redonda. Estas leerán todas las respuestas publicadas; las contribuciones más pertinentes se reflejarán en la nota y podrán citarse, con indicación de su autoría, en el resumen de la mesa redonda.

## Cómo participar

Los moderadores han publicado a continuación tres preguntas de debate. Responda en la pregunta a la que se refiera su contribución, o responda a otro participante para ampliar su argumento. Se aceptan respuestas en **español, francés e inglés**. Cuando su respuesta se refiera a un objetivo concreto, indíquelo (por ejemplo, «Objetivo 16: …») para que los redactores puedan agrupar las contribuciones por tema. Las organizaciones pueden adjuntar a su respuesta un documento de posición (PDF).

Los moderadores examinan las contribuciones antes de su publicación. Cualquier persona puede leer la consulta; para publicar una respuesta es necesario iniciar sesión.`;

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
    translations: {
      fr: { title: 'De la vulnérabilité à la résilience' },
      es: { title: 'De la vulnerabilidad a la resiliencia' },
      ar: { title: 'من الهشاشة إلى القدرة على الصمود' },
      zh: { title: '从脆弱到韧性' },
      ru: { title: 'От уязвимости к устойчивости' },
    },
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
        translations: {
          fr: {
            title: 'Tirer parti du capital des migrants pour leur permettre de réaliser leur potentiel',
            summary:
              'Comment reconnaître les compétences, l’épargne et les réseaux des migrants et des diasporas, et les mettre au service du développement dans les pays d’origine et de destination ?',
            backgroundMd: RT_1_1_BACKGROUND_FR,
            disclaimer:
              'Nous vous invitons à soumettre vos commentaires sur les questions directrices. Veuillez veiller à ce que chaque commentaire soit dûment identifié par votre nom réel et par l’organisation que vous représentez ; les commentaires anonymes ou non identifiés ne seront pas publiés. Les commentaires sont examinés par le modérateur avant leur publication, et le président de la table ronde détermine ceux qui sont pertinents pour la note d’information. Les opinions exprimées sont celles des participants.',
          },
          es: {
            title: 'Aprovechar el capital de los migrantes para que puedan desarrollar su potencial',
            summary:
              '¿Cómo pueden reconocerse las competencias, los ahorros y las redes de los migrantes y las diásporas, y ponerse al servicio del desarrollo en los países de origen y de destino?',
            backgroundMd: RT_1_1_BACKGROUND_ES,
            disclaimer:
              'Le invitamos a presentar sus comentarios sobre las preguntas orientativas. Asegúrese de que cada comentario esté debidamente identificado con su nombre real y la organización que representa; no se publicarán comentarios anónimos o sin identificar. El moderador examina los comentarios antes de su publicación, y la presidencia de la mesa redonda determina cuáles son pertinentes para la nota de antecedentes. Las opiniones expresadas son las de los participantes.',
          },
          ar: { title: 'تسخير رأس مال المهاجرين لتمكينهم من تحقيق إمكاناتهم' },
          zh: { title: '利用移民的资本，使其充分发挥潜力' },
          ru: { title: 'Использование капитала мигрантов для реализации их потенциала' },
        },
        contactEmail: null,
        opensInDays: -10,
        closesInDays: 21,
        questions: [
          {
            text: 'What are the main obstacles that keep migrants and diaspora members from contributing their skills, savings and networks to development in countries of origin and destination?',
            translations: {
              fr: 'Quels sont les principaux obstacles qui empêchent les migrants et les membres des diasporas de mettre leurs compétences, leur épargne et leurs réseaux au service du développement dans les pays d’origine et de destination ?',
              es: '¿Cuáles son los principales obstáculos que impiden a los migrantes y a los miembros de las diásporas aportar sus competencias, ahorros y redes al desarrollo de los países de origen y de destino?',
              ar: 'ما هي العقبات الرئيسية التي تحول دون إسهام المهاجرين وأفراد الجاليات في الخارج بمهاراتهم ومدخراتهم وشبكاتهم في التنمية في بلدان المنشأ وبلدان المقصد؟',
              zh: '阻碍移民和侨民以其技能、储蓄和网络促进原籍国和目的地国发展的主要障碍是什么？',
              ru: 'Каковы основные препятствия, мешающие мигрантам и представителям диаспор направлять свои навыки, сбережения и связи на цели развития стран происхождения и назначения?',
            },
          },
          {
            text: 'Which policies have proven effective in recognising migrants’ qualifications and prior learning, and how could they be scaled up?',
            translations: {
              fr: 'Quelles politiques se sont révélées efficaces pour la reconnaissance des qualifications et des acquis des migrants, et comment pourrait-on en élargir la portée ?',
              es: '¿Qué políticas han demostrado ser eficaces para reconocer las cualificaciones y el aprendizaje previo de los migrantes, y cómo podría ampliarse su alcance?',
              ar: 'ما هي السياسات التي ثبتت فعاليتها في الاعتراف بمؤهلات المهاجرين وبما اكتسبوه من تعلّم سابق، وكيف يمكن توسيع نطاقها؟',
              zh: '哪些政策在承认移民的资格和先前学习成果方面已证明行之有效？如何扩大这些政策的规模？',
              ru: 'Какие меры политики доказали свою эффективность в признании квалификаций мигрантов и результатов ранее полученного ими обучения и как можно расширить их применение?',
            },
          },
          {
            text: 'How can skills partnerships between countries of origin and destination be designed so that both countries, and migrants themselves, benefit?',
            translations: {
              fr: 'Comment concevoir des partenariats pour le développement des compétences entre pays d’origine et pays de destination qui profitent aux deux pays comme aux migrants eux-mêmes ?',
              es: '¿Cómo pueden diseñarse alianzas en materia de competencias entre los países de origen y de destino que beneficien a ambos países y a los propios migrantes?',
              ar: 'كيف يمكن تصميم شراكات المهارات بين بلدان المنشأ وبلدان المقصد بحيث يستفيد منها البلدان كلاهما والمهاجرون أنفسهم؟',
              zh: '如何设计原籍国与目的地国之间的技能伙伴关系，使两国以及移民本身都能从中受益？',
              ru: 'Как выстроить партнерства в области развития навыков между странами происхождения и назначения таким образом, чтобы они приносили пользу обеим странам и самим мигрантам?',
            },
          },
          {
            text: 'What role can local and regional governments play in turning the capital of migrants into local development?',
            translations: {
              fr: 'Quel rôle les collectivités locales et régionales peuvent-elles jouer pour faire du capital des migrants un moteur du développement local ?',
              es: '¿Qué papel pueden desempeñar los gobiernos locales y regionales para convertir el capital de los migrantes en desarrollo local?',
              ar: 'ما الدور الذي يمكن أن تؤديه الحكومات المحلية والإقليمية في تحويل رأس مال المهاجرين إلى تنمية محلية؟',
              zh: '地方和区域政府在将移民的资本转化为地方发展方面可以发挥什么作用？',
              ru: 'Какую роль могут играть местные и региональные органы власти в превращении капитала мигрантов в фактор местного развития?',
            },
          },
          {
            text: 'How can the cost of sending remittances be brought below 3 per cent, and corridors costing more than 5 per cent be eliminated, as foreseen in SDG target 10.c?',
            translations: {
              fr: 'Comment ramener le coût des envois de fonds au-dessous de 3 % et éliminer les couloirs dont le coût dépasse 5 %, comme le prévoit la cible 10.c des objectifs de développement durable ?',
              es: '¿Cómo puede reducirse a menos del 3 % el costo del envío de remesas y eliminarse los corredores cuyo costo supere el 5 %, como prevé la meta 10.c de los Objetivos de Desarrollo Sostenible?',
              ar: 'كيف يمكن خفض تكاليف إرسال التحويلات المالية إلى أقل من 3 في المائة، وإلغاء قنوات التحويل التي تزيد تكاليفها على 5 في المائة، على النحو المتوخى في الغاية 10-ج من أهداف التنمية المستدامة؟',
              zh: '如何按照可持续发展目标具体目标10.c的设想，将汇款成本降至3%以下，并取消成本高于5%的汇款通道？',
              ru: 'Каким образом можно снизить стоимость денежных переводов до уровня менее 3 процентов и ликвидировать каналы переводов со стоимостью свыше 5 процентов, как предусмотрено в задаче 10.c целей в области устойчивого развития?',
            },
          },
          {
            text: 'Which financial products and services help migrants and their families to save and invest, and not only to consume, the money they send home?',
            translations: {
              fr: 'Quels produits et services financiers aident les migrants et leur famille à épargner et à investir l’argent qu’ils envoient dans leur pays, et pas seulement à le consommer ?',
              es: '¿Qué productos y servicios financieros ayudan a los migrantes y a sus familias a ahorrar e invertir el dinero que envían a su país de origen, y no solo a consumirlo?',
              ar: 'ما هي المنتجات والخدمات المالية التي تساعد المهاجرين وأسرهم على ادخار الأموال التي يرسلونها إلى أوطانهم واستثمارها، لا على استهلاكها فحسب؟',
              zh: '哪些金融产品和服务有助于移民及其家庭将汇回家乡的资金用于储蓄和投资，而不仅仅用于消费？',
              ru: 'Какие финансовые продукты и услуги помогают мигрантам и их семьям не только расходовать, но и сберегать и инвестировать средства, которые они переводят на родину?',
            },
          },
          {
            text: 'How can diaspora investment and entrepreneurship be encouraged without shifting public responsibilities onto migrants?',
            translations: {
              fr: 'Comment encourager l’investissement et l’entrepreneuriat des diasporas sans transférer aux migrants des responsabilités qui incombent aux pouvoirs publics ?',
              es: '¿Cómo pueden fomentarse la inversión y el emprendimiento de las diásporas sin trasladar a los migrantes responsabilidades que corresponden a los poderes públicos?',
              ar: 'كيف يمكن تشجيع استثمارات الجاليات في الخارج وريادة الأعمال لديها دون تحميل المهاجرين مسؤوليات تقع على عاتق السلطات العامة؟',
              zh: '如何在不将公共责任转嫁给移民的前提下，鼓励侨民投资和创业？',
              ru: 'Как поощрять инвестиции и предпринимательство диаспор, не перекладывая на мигрантов обязанности государства?',
            },
          },
          {
            text: 'Which measures best protect migrant workers from abusive recruitment practices and fees that erode their earnings?',
            translations: {
              fr: 'Quelles mesures protègent le mieux les travailleurs migrants contre les pratiques de recrutement abusives et les frais qui amputent leurs revenus ?',
              es: '¿Qué medidas protegen mejor a los trabajadores migrantes frente a las prácticas de contratación abusivas y las comisiones que merman sus ingresos?',
              ar: 'ما هي التدابير الأنجع في حماية العمال المهاجرين من ممارسات التوظيف التعسفية ومن الرسوم التي تنتقص من دخلهم؟',
              zh: '哪些措施能最有效地保护移徙工人免受侵蚀其收入的滥用性招聘做法和收费之害？',
              ru: 'Какие меры наиболее эффективно защищают трудящихся-мигрантов от недобросовестной практики найма и сборов, сокращающих их заработки?',
            },
          },
          {
            text: 'How can the specific situations of migrant women, young migrants and returnees be taken into account when these policies are designed?',
            translations: {
              fr: 'Comment tenir compte de la situation particulière des femmes migrantes, des jeunes migrants et des migrants de retour lors de l’élaboration de ces politiques ?',
              es: '¿Cómo pueden tenerse en cuenta las situaciones específicas de las mujeres migrantes, los jóvenes migrantes y los migrantes retornados al diseñar estas políticas?',
              ar: 'كيف يمكن مراعاة الأوضاع الخاصة للمهاجرات والمهاجرين الشباب والمهاجرين العائدين عند وضع هذه السياسات؟',
              zh: '在制定这些政策时，如何考虑到移民妇女、青年移民和回返移民的具体情况？',
              ru: 'Каким образом при разработке этих мер политики можно учитывать особое положение женщин-мигрантов, молодых мигрантов и возвращающихся мигрантов?',
            },
          },
          {
            text: 'What data are needed to measure the economic and social contributions of migrants, and how can data disaggregated by migratory status be improved under SDG target 17.18?',
            translations: {
              fr: 'De quelles données a-t-on besoin pour mesurer la contribution économique et sociale des migrants, et comment améliorer les données ventilées selon le statut migratoire au titre de la cible 17.18 des objectifs de développement durable ?',
              es: '¿Qué datos se necesitan para medir las contribuciones económicas y sociales de los migrantes, y cómo pueden mejorarse los datos desglosados por estatus migratorio en el marco de la meta 17.18 de los Objetivos de Desarrollo Sostenible?',
              ar: 'ما هي البيانات اللازمة لقياس الإسهامات الاقتصادية والاجتماعية للمهاجرين، وكيف يمكن تحسين البيانات المصنفة حسب الوضع من حيث الهجرة في إطار الغاية 17-18 من أهداف التنمية المستدامة؟',
              zh: '衡量移民的经济和社会贡献需要哪些数据？如何根据可持续发展目标具体目标17.18改进按移民身份分列的数据？',
              ru: 'Какие данные необходимы для оценки экономического и социального вклада мигрантов и как можно повысить качество данных в разбивке по миграционному статусу в рамках задачи 17.18 целей в области устойчивого развития?',
            },
          },
          {
            text: 'How can partnerships with the private sector, trade unions and civil society be strengthened to support migrants in realising their potential?',
            translations: {
              fr: 'Comment renforcer les partenariats avec le secteur privé, les syndicats et la société civile afin d’aider les migrants à réaliser leur potentiel ?',
              es: '¿Cómo pueden fortalecerse las alianzas con el sector privado, los sindicatos y la sociedad civil para ayudar a los migrantes a desarrollar su potencial?',
              ar: 'كيف يمكن تعزيز الشراكات مع القطاع الخاص والنقابات العمالية والمجتمع المدني لدعم المهاجرين في تحقيق إمكاناتهم؟',
              zh: '如何加强与私营部门、工会和民间社会的伙伴关系，支持移民充分发挥潜力？',
              ru: 'Как укрепить партнерские отношения с частным сектором, профсоюзами и гражданским обществом, с тем чтобы помочь мигрантам реализовать свой потенциал?',
            },
          },
          {
            text: 'Which concrete practices or commitments would your government or organisation propose for the outcome of this roundtable?',
            translations: {
              fr: 'Quelles pratiques ou quels engagements concrets votre gouvernement ou votre organisation proposerait-il pour les conclusions de cette table ronde ?',
              es: '¿Qué prácticas o compromisos concretos propondría su gobierno u organización para el resultado de esta mesa redonda?',
              ar: 'ما هي الممارسات أو الالتزامات الملموسة التي تقترحها حكومتكم أو منظمتكم لإدراجها في نتائج هذه المائدة المستديرة؟',
              zh: '贵国政府或贵组织将为本次圆桌会议的成果提出哪些具体做法或承诺？',
              ru: 'Какие конкретные практические меры или обязательства ваше правительство или ваша организация предложили бы для включения в итоги работы этого круглого стола?',
            },
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
    translations: {
      fr: {
        title: 'Consultation pour la table ronde 3 du Forum d’examen des migrations internationales',
        summary:
          'Consultation en ligne visant à recueillir les vues des États Membres et des parties prenantes aux fins de la note d’information de la table ronde 3 du Forum d’examen des migrations internationales.',
        backgroundMd: IMRF_RT3_BACKGROUND_FR,
        disclaimer:
          'Les opinions exprimées dans le cadre de la présente consultation n’engagent que les participants et ne reflètent pas nécessairement les vues du Réseau des Nations Unies sur les migrations, de ses membres, des coprésidents de la table ronde ou des organisations chargées de la rédaction.',
      },
      es: {
        title: 'Consulta para la mesa redonda 3 del Foro de Examen de la Migración Internacional',
        summary:
          'Consulta en línea para recabar las opiniones de los Estados Miembros y las partes interesadas con miras a la nota de antecedentes de la mesa redonda 3 del Foro de Examen de la Migración Internacional.',
        backgroundMd: IMRF_RT3_BACKGROUND_ES,
        disclaimer:
          'Las opiniones expresadas en esta consulta son exclusivamente las de los participantes y no reflejan necesariamente las opiniones de la Red de las Naciones Unidas sobre la Migración, sus miembros, las copresidencias de la mesa redonda ni las organizaciones encargadas de la redacción.',
      },
    },
    contactEmail: 'consultation@convene.example',
    opensInDays: -14,
    closesInDays: 14,
    questions: [
      {
        text: 'What progress has your government or organisation made, since the adoption of the Global Compact, in implementing the objectives reviewed in this roundtable, and which challenges remain?',
        translations: {
          fr: 'Quels progrès votre gouvernement ou votre organisation a-t-il accomplis, depuis l’adoption du Pacte mondial, dans la réalisation des objectifs examinés lors de cette table ronde, et quelles difficultés subsistent ?',
          es: '¿Qué progresos ha realizado su gobierno u organización, desde la aprobación del Pacto Mundial, en la consecución de los objetivos examinados en esta mesa redonda, y qué desafíos persisten?',
        },
      },
      {
        text: 'Which practices have been most effective in ensuring that migrants, regardless of status, have access to basic services, social protection and the portability of their earned benefits?',
        translations: {
          fr: 'Quelles pratiques se sont révélées les plus efficaces pour garantir aux migrants, quel que soit leur statut, l’accès aux services de base, à la protection sociale et à la portabilité de leurs droits acquis ?',
          es: '¿Qué prácticas han resultado más eficaces para garantizar que los migrantes, independientemente de su estatus, tengan acceso a los servicios básicos, la protección social y la portabilidad de los derechos adquiridos?',
        },
      },
      {
        text: 'How can partnerships — with local authorities, diaspora organisations, the private sector and others — be strengthened to accelerate implementation before the next review?',
        translations: {
          fr: 'Comment renforcer les partenariats (avec les autorités locales, les organisations de la diaspora, le secteur privé et d’autres acteurs) afin d’accélérer la mise en œuvre d’ici au prochain examen ?',
          es: '¿Cómo pueden fortalecerse las alianzas (con las autoridades locales, las organizaciones de la diáspora, el sector privado y otros actores) para acelerar la aplicación antes del próximo examen?',
        },
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
