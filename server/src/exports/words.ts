import {
  type CommentLanguage,
  type ExportDocument,
  LANGUAGE_LABELS,
  type Locale,
  STAKEHOLDER_CATEGORY_LABELS,
  type StakeholderCategory,
} from '@convene/shared';
import type { ColumnKey } from './format.js';

/**
 * The fixed text of the exports in the six interface languages: column headers of the tabular
 * formats, the Word report's headings and labels. The export's language is the one asked
 * (`translation=`, else `lang=`), English otherwise. Every language has every key (`satisfies`).
 */
export const EXPORT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const satisfies readonly Locale[];
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * The language of an export's fixed text (headers, labels, sheet names, the participation
 * sentence): the translation asked for, else the language filtered on, else English — one rule
 * for every part of the file. A reader who asks for French gets French headers.
 */
export function exportLanguage(
  filters:
    | Pick<ExportDocument['filters'], 'language' | 'translation'>
    | { language?: string | null; translation?: string | null },
): ExportLanguage {
  const asked = filters.translation ?? filters.language ?? 'en';
  return (EXPORT_LANGUAGES as readonly string[]).includes(asked) ? (asked as ExportLanguage) : 'en';
}

/** The plural category of `n` in the export's language (CLDR, through Intl). */
const plural = (lang: ExportLanguage, n: number) => new Intl.PluralRules(lang).select(n);
/** "5 and 16", "5 et 16", "5 و16", "5和16", "5 и 16": a list in the export's language. */
const list = (lang: ExportLanguage, items: string[]) =>
  new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'conjunction' }).format(items);

/** Arabic is laid out right to left (Word paragraphs `bidirectional`, the sheet right to left). */
export const isRightToLeft = (lang: ExportLanguage | CommentLanguage) => lang === 'ar';

/** Word fonts per script: Latin, complex scripts (Arabic) and East Asian (Chinese). */
export const WORD_FONT = { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Arial', eastAsia: 'Microsoft YaHei' };

const REPORT_EN = {
  figures: 'Participation figures',
  byCategory: 'By stakeholder category',
  byQuestion: 'By guiding question',
  byLanguage: 'By language',
  byCountry: 'By country',
  category: 'Category',
  contributors: 'Contributors',
  contributions: 'Contributions',
  question: 'Question',
  language: 'Language',
  country: 'Country',
  notGiven: 'Not given',
  countryNotGiven: 'Country not given',
  memberState: 'Member State',
  participants: 'Participants',
  organisation: 'Organisation',
  annex1: 'Annex I. Contributors by Member State',
  annex2: 'Annex II. Contributors by organisation',
  annex3: 'Annex III. Position papers',
  noGovernment: 'No government contribution in this export.',
  noOrganisation: 'No organisation in this export.',
  number: 'No.',
  positionPaper: 'Position paper',
  submittedBy: 'Submitted by',
  noPaper: 'No position paper attached to the exported contributions.',
};

interface Words {
  columns: Record<ColumnKey, string>;
  sheet: { contributions: string };
  label: {
    session: string;
    participation: string;
    dates: string;
    moderators: string;
    chairs: string;
    exported: string;
    page: string;
    permalink: string;
    tags: string;
    attachments: string;
    noContributions: string;
  };
  /** What an export holds, in words, and the labels around a translation. */
  scope: {
    published: string;
    highlighted: string;
    question: (n: number) => string;
    general: string;
    inLanguage: (language: string) => string;
    noObjective: string;
    onObjective: (tag: string) => string;
    byObjective: string;
    withTranslations: (language: string) => string;
    translated: (from: string, by: string | null, date: string) => string;
    original: (language: string) => string;
  };
  /** A space's period when only one end, or neither, is known. */
  period: { from: (date: string) => string; until: (date: string) => string; none: string };
  /** A contribution's language with no name of its own ("other"). */
  otherLanguage: string;
  /** The verified-affiliation and focal-point marks beside an author. */
  marks: { verified: (by: string | null, date: string) => string; official: (memberState: string) => string };
  /** The report's participation tables and annexes. */
  report: Record<keyof typeof REPORT_EN, string>;
  /** The stakeholder categories' names. */
  categories: Record<StakeholderCategory, string>;
}

const en: Words = {
  columns: {
    number: 'No.',
    questionNumber: 'Question no.',
    question: 'Question',
    id: 'ID',
    parentId: 'Parent ID',
    author: 'Author',
    affiliation: 'Affiliation',
    category: 'Category',
    country: 'Country',
    language: 'Language',
    date: 'Date (UTC)',
    status: 'Status',
    highlighted: 'Highlighted',
    tags: 'Tags',
    attachments: 'Attachments',
    permalink: 'Permalink',
    text: 'Text',
    objective: 'Objective',
    translationLanguage: 'Translation language',
    translation: 'Translation',
    translatedBy: 'Translated by',
    translatedAt: 'Translated (UTC)',
    verified: 'Verified',
    official: 'Official contribution',
  },
  sheet: { contributions: 'Contributions' },
  label: {
    session: 'Session',
    participation: 'Participation',
    dates: 'Dates',
    moderators: 'Moderators',
    chairs: 'Chairs',
    exported: 'Exported',
    page: 'Page',
    permalink: 'Permalink',
    tags: 'Tags',
    attachments: 'Attachments',
    noContributions: 'No published contributions.',
  },
  period: { from: (date) => `from ${date}`, until: (date) => `until ${date}`, none: 'no dates set' },
  scope: {
    published: 'all published contributions',
    highlighted: 'contributions highlighted for the note',
    question: (n) => `question ${n}`,
    general: 'the space as a whole',
    inLanguage: (l) => `in ${l}`,
    noObjective: 'with no objective',
    onObjective: (t) => `on objective ${t}`,
    byObjective: 'grouped by objective',
    withTranslations: (l) => `with ${l} translations where available`,
    translated: (from, by, date) => `Translated from ${from}${by ? ` by ${by}` : ''}, ${date}`,
    original: (l) => `Original (${l})`,
  },
  otherLanguage: 'Other',
  marks: {
    verified: (by, date) => `Verified${by ? ` by ${by}` : ''}, ${date}`,
    official: (m) => `Official contribution of ${m}`,
  },
  report: REPORT_EN,
  categories: STAKEHOLDER_CATEGORY_LABELS,
};

const fr: Words = {
  columns: {
    number: 'N°',
    questionNumber: 'N° de question',
    question: 'Question',
    id: 'Identifiant',
    parentId: 'Identifiant du parent',
    author: 'Auteur',
    affiliation: 'Affiliation',
    category: 'Catégorie',
    country: 'Pays',
    language: 'Langue',
    date: 'Date (UTC)',
    status: 'Statut',
    highlighted: 'Retenue',
    tags: 'Étiquettes',
    attachments: 'Pièces jointes',
    permalink: 'Lien permanent',
    text: 'Texte',
    objective: 'Objectif',
    translationLanguage: 'Langue de la traduction',
    translation: 'Traduction',
    translatedBy: 'Traduit par',
    translatedAt: 'Traduit le (UTC)',
    verified: 'Vérifié',
    official: 'Contribution officielle',
  },
  sheet: { contributions: 'Contributions' },
  label: {
    session: 'Session',
    participation: 'Participation',
    dates: 'Dates',
    moderators: 'Modération',
    chairs: 'Présidence',
    exported: 'Exporté le',
    page: 'Page',
    permalink: 'Lien permanent',
    tags: 'Étiquettes',
    attachments: 'Pièces jointes',
    noContributions: 'Aucune contribution publiée.',
  },
  period: { from: (date) => `à partir du ${date}`, until: (date) => `jusqu’au ${date}`, none: 'aucune date fixée' },
  scope: {
    published: 'toutes les contributions publiées',
    highlighted: 'contributions retenues pour la note',
    question: (n) => `question ${n}`,
    general: 'l’espace dans son ensemble',
    inLanguage: (l) => `en ${l.toLowerCase()}`,
    noObjective: 'sans objectif',
    onObjective: (t) => `sur l’objectif ${t}`,
    byObjective: 'regroupées par objectif',
    withTranslations: (l) => `avec les traductions en ${l.toLowerCase()} disponibles`,
    translated: (from, by, date) =>
      `Traduit de l’original (${from.toLowerCase()})${by ? ` par ${by}` : ''}, le ${date}`,
    original: (l) => `Original (${l.toLowerCase()})`,
  },
  otherLanguage: 'Autre',
  marks: {
    verified: (by, date) => `Vérifié${by ? ` par ${by}` : ''}, ${date}`,
    official: (m) => `Contribution officielle de l’État membre : ${m}`,
  },
  report: {
    figures: 'Chiffres de la participation',
    byCategory: 'Par catégorie de parties prenantes',
    byQuestion: 'Par question directrice',
    byLanguage: 'Par langue',
    byCountry: 'Par pays',
    category: 'Catégorie',
    contributors: 'Contributeurs',
    contributions: 'Contributions',
    question: 'Question',
    language: 'Langue',
    country: 'Pays',
    notGiven: 'Non indiqué',
    countryNotGiven: 'Pays non indiqué',
    memberState: 'État membre',
    participants: 'Participants',
    organisation: 'Organisation',
    annex1: 'Annexe I. Contributeurs par État membre',
    annex2: 'Annexe II. Contributeurs par organisation',
    annex3: 'Annexe III. Documents de position',
    noGovernment: 'Aucune contribution gouvernementale dans cet export.',
    noOrganisation: 'Aucune organisation dans cet export.',
    number: 'N°',
    positionPaper: 'Document de position',
    submittedBy: 'Soumis par',
    noPaper: 'Aucun document de position joint aux contributions exportées.',
  },
  categories: {
    member_state: 'État membre',
    un_system: 'Système des Nations Unies',
    international_org: 'Organisation internationale',
    civil_society: 'Société civile',
    private_sector: 'Secteur privé',
    local_government: 'Autorité locale',
    academia: 'Milieu universitaire',
    migrant_diaspora_org: 'Organisation de migrants et de la diaspora',
    youth: 'Jeunesse',
    trade_union: 'Syndicat',
    other: 'Autre',
  },
};

const es: Words = {
  columns: {
    number: 'N.º',
    questionNumber: 'N.º de pregunta',
    question: 'Pregunta',
    id: 'ID',
    parentId: 'ID del comentario principal',
    author: 'Autor',
    affiliation: 'Afiliación',
    category: 'Categoría',
    country: 'País',
    language: 'Idioma',
    date: 'Fecha (UTC)',
    status: 'Estado',
    highlighted: 'Destacada',
    tags: 'Etiquetas',
    attachments: 'Archivos adjuntos',
    permalink: 'Enlace permanente',
    text: 'Texto',
    objective: 'Objetivo',
    translationLanguage: 'Idioma de la traducción',
    translation: 'Traducción',
    translatedBy: 'Traducido por',
    translatedAt: 'Traducido (UTC)',
    verified: 'Verificado',
    official: 'Contribución oficial',
  },
  sheet: { contributions: 'Contribuciones' },
  label: {
    session: 'Sesión',
    participation: 'Participación',
    dates: 'Fechas',
    moderators: 'Moderación',
    chairs: 'Presidencia',
    exported: 'Exportado',
    page: 'Página',
    permalink: 'Enlace permanente',
    tags: 'Etiquetas',
    attachments: 'Archivos adjuntos',
    noContributions: 'No hay contribuciones publicadas.',
  },
  period: { from: (date) => `desde el ${date}`, until: (date) => `hasta el ${date}`, none: 'sin fechas fijadas' },
  scope: {
    published: 'todas las contribuciones publicadas',
    highlighted: 'contribuciones destacadas para la nota',
    question: (n) => `pregunta ${n}`,
    general: 'el espacio en su conjunto',
    inLanguage: (l) => `en ${l.toLowerCase()}`,
    noObjective: 'sin objetivo',
    onObjective: (t) => `sobre el objetivo ${t}`,
    byObjective: 'agrupadas por objetivo',
    withTranslations: (l) => `con las traducciones al ${l.toLowerCase()} disponibles`,
    translated: (from, by, date) => `Traducido del ${from.toLowerCase()}${by ? ` por ${by}` : ''}, ${date}`,
    original: (l) => `Original (${l.toLowerCase()})`,
  },
  otherLanguage: 'Otro',
  marks: {
    verified: (by, date) => `Verificado${by ? ` por ${by}` : ''}, ${date}`,
    official: (m) => `Contribución oficial del Estado miembro: ${m}`,
  },
  report: {
    figures: 'Cifras de participación',
    byCategory: 'Por categoría de partes interesadas',
    byQuestion: 'Por pregunta orientadora',
    byLanguage: 'Por idioma',
    byCountry: 'Por país',
    category: 'Categoría',
    contributors: 'Participantes',
    contributions: 'Contribuciones',
    question: 'Pregunta',
    language: 'Idioma',
    country: 'País',
    notGiven: 'No indicado',
    countryNotGiven: 'País no indicado',
    memberState: 'Estado miembro',
    participants: 'Participantes',
    organisation: 'Organización',
    annex1: 'Anexo I. Participantes por Estado miembro',
    annex2: 'Anexo II. Participantes por organización',
    annex3: 'Anexo III. Documentos de posición',
    noGovernment: 'No hay contribuciones gubernamentales en esta exportación.',
    noOrganisation: 'No hay organizaciones en esta exportación.',
    number: 'N.º',
    positionPaper: 'Documento de posición',
    submittedBy: 'Presentado por',
    noPaper: 'No hay documentos de posición adjuntos a las contribuciones exportadas.',
  },
  categories: {
    member_state: 'Estado miembro',
    un_system: 'Sistema de las Naciones Unidas',
    international_org: 'Organización internacional',
    civil_society: 'Sociedad civil',
    private_sector: 'Sector privado',
    local_government: 'Gobierno local',
    academia: 'Mundo académico',
    migrant_diaspora_org: 'Organización de migrantes y de la diáspora',
    youth: 'Juventud',
    trade_union: 'Sindicato',
    other: 'Otra',
  },
};

const ar: Words = {
  columns: {
    number: 'الرقم',
    questionNumber: 'رقم السؤال',
    question: 'السؤال',
    id: 'المعرّف',
    parentId: 'معرّف التعليق الأصلي',
    author: 'صاحب المساهمة',
    affiliation: 'الجهة',
    category: 'الفئة',
    country: 'البلد',
    language: 'اللغة',
    date: 'التاريخ (التوقيت العالمي المنسق)',
    status: 'الحالة',
    highlighted: 'مُبرزة',
    tags: 'الوسوم',
    attachments: 'المرفقات',
    permalink: 'الرابط الدائم',
    text: 'النص',
    objective: 'الهدف',
    translationLanguage: 'لغة الترجمة',
    translation: 'الترجمة',
    translatedBy: 'المترجم',
    translatedAt: 'تاريخ الترجمة (التوقيت العالمي المنسق)',
    verified: 'موثَّق',
    official: 'مساهمة رسمية',
  },
  sheet: { contributions: 'المساهمات' },
  label: {
    session: 'الدورة',
    participation: 'المشاركة',
    dates: 'التواريخ',
    moderators: 'المشرفون',
    chairs: 'الرؤساء',
    exported: 'تاريخ التصدير',
    page: 'الصفحة',
    permalink: 'الرابط الدائم',
    tags: 'الوسوم',
    attachments: 'المرفقات',
    noContributions: 'لا توجد مساهمات منشورة.',
  },
  period: { from: (date) => `اعتبارًا من ${date}`, until: (date) => `حتى ${date}`, none: 'لم تُحدد مواعيد' },
  scope: {
    published: 'جميع المساهمات المنشورة',
    highlighted: 'المساهمات المُبرزة لأغراض المذكرة',
    question: (n) => `السؤال ${n}`,
    general: 'المساحة ككل',
    inLanguage: (l) => `باللغة ${l}`,
    noObjective: 'دون هدف',
    onObjective: (t) => `بشأن الهدف ${t}`,
    byObjective: 'مصنفة حسب الهدف',
    withTranslations: (l) => `مع الترجمات إلى اللغة ${l} حيثما توفرت`,
    translated: (from, by, date) => `ترجمة عن اللغة ${from}${by ? `، ترجمها ${by}` : ''}، ${date}`,
    original: (l) => `النص الأصلي (${l})`,
  },
  otherLanguage: 'لغة أخرى',
  marks: {
    verified: (by, date) => `موثَّق${by ? ` بواسطة ${by}` : ''}، ${date}`,
    official: (m) => `مساهمة رسمية من ${m}`,
  },
  report: {
    figures: 'أرقام المشاركة',
    byCategory: 'حسب فئة أصحاب المصلحة',
    byQuestion: 'حسب السؤال التوجيهي',
    byLanguage: 'حسب اللغة',
    byCountry: 'حسب البلد',
    category: 'الفئة',
    contributors: 'المساهمون',
    contributions: 'المساهمات',
    question: 'السؤال',
    language: 'اللغة',
    country: 'البلد',
    notGiven: 'غير محدد',
    countryNotGiven: 'البلد غير محدد',
    memberState: 'الدولة العضو',
    participants: 'المشاركون',
    organisation: 'المنظمة',
    annex1: 'المرفق الأول - المساهمون حسب الدولة العضو',
    annex2: 'المرفق الثاني - المساهمون حسب المنظمة',
    annex3: 'المرفق الثالث - ورقات المواقف',
    noGovernment: 'لا توجد مساهمات حكومية في هذا التصدير.',
    noOrganisation: 'لا توجد منظمات في هذا التصدير.',
    number: 'الرقم',
    positionPaper: 'ورقة الموقف',
    submittedBy: 'مقدمة من',
    noPaper: 'لا توجد ورقات مواقف مرفقة بالمساهمات المصدَّرة.',
  },
  categories: {
    member_state: 'دولة عضو',
    un_system: 'منظومة الأمم المتحدة',
    international_org: 'منظمة دولية',
    civil_society: 'المجتمع المدني',
    private_sector: 'القطاع الخاص',
    local_government: 'الحكومات المحلية',
    academia: 'الأوساط الأكاديمية',
    migrant_diaspora_org: 'منظمات المهاجرين والمغتربين',
    youth: 'الشباب',
    trade_union: 'النقابات العمالية',
    other: 'فئة أخرى',
  },
};

const zh: Words = {
  columns: {
    number: '编号',
    questionNumber: '问题编号',
    question: '问题',
    id: 'ID',
    parentId: '上级评论 ID',
    author: '作者',
    affiliation: '所属机构',
    category: '类别',
    country: '国家',
    language: '语言',
    date: '日期（UTC）',
    status: '状态',
    highlighted: '重点标记',
    tags: '标签',
    attachments: '附件',
    permalink: '永久链接',
    text: '文本',
    objective: '目标',
    translationLanguage: '译文语言',
    translation: '译文',
    translatedBy: '译者',
    translatedAt: '翻译时间（UTC）',
    verified: '已验证',
    official: '正式提交',
  },
  sheet: { contributions: '意见' },
  label: {
    session: '会议',
    participation: '参与情况',
    dates: '日期',
    moderators: '审核员',
    chairs: '主持人',
    exported: '导出时间',
    page: '页面',
    permalink: '永久链接',
    tags: '标签',
    attachments: '附件',
    noContributions: '没有已发布的意见。',
  },
  period: { from: (date) => `自${date}起`, until: (date) => `至${date}止`, none: '未设定日期' },
  scope: {
    published: '所有已发布意见',
    highlighted: '标记为供编写说明使用的重点意见',
    question: (n) => `问题${n}`,
    general: '整个空间',
    inLanguage: (l) => `语言：${l}`,
    noObjective: '无目标',
    onObjective: (t) => `目标${t}`,
    byObjective: '按目标分组',
    withTranslations: (l) => `附${l}译文（如有）`,
    translated: (from, by, date) => `译自${from}${by ? `，译者：${by}` : ''}，${date}`,
    original: (l) => `原文（${l}）`,
  },
  otherLanguage: '其他',
  marks: { verified: (by, date) => `已验证${by ? `（${by}）` : ''}，${date}`, official: (m) => `${m}的正式提交` },
  report: {
    figures: '参与数据',
    byCategory: '按利益攸关方类别',
    byQuestion: '按指导性问题',
    byLanguage: '按语言',
    byCountry: '按国家',
    category: '类别',
    contributors: '提交者',
    contributions: '意见',
    question: '问题',
    language: '语言',
    country: '国家',
    notGiven: '未注明',
    countryNotGiven: '未注明国家',
    memberState: '会员国',
    participants: '参与者',
    organisation: '组织',
    annex1: '附件一. 按会员国分列的提交者',
    annex2: '附件二. 按组织分列的提交者',
    annex3: '附件三. 立场文件',
    noGovernment: '本次导出中没有政府提交的意见。',
    noOrganisation: '本次导出中没有组织。',
    number: '编号',
    positionPaper: '立场文件',
    submittedBy: '提交者',
    noPaper: '导出的意见未附任何立场文件。',
  },
  categories: {
    member_state: '会员国',
    un_system: '联合国系统',
    international_org: '国际组织',
    civil_society: '民间社会',
    private_sector: '私营部门',
    local_government: '地方政府',
    academia: '学术界',
    migrant_diaspora_org: '移民和侨民组织',
    youth: '青年',
    trade_union: '工会',
    other: '其他',
  },
};

const ru: Words = {
  columns: {
    number: '№',
    questionNumber: '№ вопроса',
    question: 'Вопрос',
    id: 'Идентификатор',
    parentId: 'Идентификатор исходного комментария',
    author: 'Автор',
    affiliation: 'Организация',
    category: 'Категория',
    country: 'Страна',
    language: 'Язык',
    date: 'Дата (UTC)',
    status: 'Статус',
    highlighted: 'Отмечен',
    tags: 'Метки',
    attachments: 'Вложения',
    permalink: 'Постоянная ссылка',
    text: 'Текст',
    objective: 'Цель',
    translationLanguage: 'Язык перевода',
    translation: 'Перевод',
    translatedBy: 'Переводчик',
    translatedAt: 'Дата перевода (UTC)',
    verified: 'Подтверждено',
    official: 'Официальный вклад',
  },
  sheet: { contributions: 'Материалы' },
  label: {
    session: 'Сессия',
    participation: 'Участие',
    dates: 'Сроки',
    moderators: 'Модераторы',
    chairs: 'Председатели',
    exported: 'Дата экспорта',
    page: 'Страница',
    permalink: 'Постоянная ссылка',
    tags: 'Метки',
    attachments: 'Вложения',
    noContributions: 'Опубликованных материалов нет.',
  },
  period: { from: (date) => `с ${date}`, until: (date) => `до ${date}`, none: 'сроки не установлены' },
  scope: {
    published: 'все опубликованные материалы',
    highlighted: 'материалы, отмеченные для записки',
    question: (n) => `вопрос ${n}`,
    general: 'пространство в целом',
    inLanguage: (l) => `язык: ${l.toLowerCase()}`,
    noObjective: 'без цели',
    onObjective: (t) => `по цели ${t}`,
    byObjective: 'по целям',
    withTranslations: (l) => `с переводами (язык: ${l.toLowerCase()}), где они есть`,
    translated: (from, by, date) =>
      `Перевод (язык оригинала: ${from.toLowerCase()})${by ? `, переводчик: ${by}` : ''}, ${date}`,
    original: (l) => `Оригинал (${l.toLowerCase()})`,
  },
  otherLanguage: 'Другой',
  marks: {
    verified: (by, date) => `Подтверждено${by ? ` (${by})` : ''}, ${date}`,
    official: (m) => `Официальный вклад государства-члена: ${m}`,
  },
  report: {
    figures: 'Показатели участия',
    byCategory: 'По категориям заинтересованных сторон',
    byQuestion: 'По направляющим вопросам',
    byLanguage: 'По языкам',
    byCountry: 'По странам',
    category: 'Категория',
    contributors: 'Авторы',
    contributions: 'Материалы',
    question: 'Вопрос',
    language: 'Язык',
    country: 'Страна',
    notGiven: 'Не указано',
    countryNotGiven: 'Страна не указана',
    memberState: 'Государство-член',
    participants: 'Участники',
    organisation: 'Организация',
    annex1: 'Приложение I. Авторы по государствам-членам',
    annex2: 'Приложение II. Авторы по организациям',
    annex3: 'Приложение III. Документы с изложением позиции',
    noGovernment: 'В этой выгрузке нет материалов правительств.',
    noOrganisation: 'В этой выгрузке нет организаций.',
    number: '№',
    positionPaper: 'Документ с изложением позиции',
    submittedBy: 'Представлен',
    noPaper: 'К выгруженным материалам не приложено документов с изложением позиции.',
  },
  categories: {
    member_state: 'Государство-член',
    un_system: 'Система ООН',
    international_org: 'Международная организация',
    civil_society: 'Гражданское общество',
    private_sector: 'Частный сектор',
    local_government: 'Местные органы власти',
    academia: 'Академические круги',
    migrant_diaspora_org: 'Организации мигрантов и диаспоры',
    youth: 'Молодёжь',
    trade_union: 'Профсоюзы',
    other: 'Другое',
  },
};

/** The notes beside a contribution, the objective headings, the XLSX's other sheets, the note export. */
interface MoreWords {
  /** Said of a reply exported without its parent. */
  reply: { unpublished: string; to: (n: string) => string; outside: (n: string) => string };
  /** Under an objective: the other objectives a contribution is also under (codes, in order). */
  alsoUnder: (codes: string[]) => string;
  objective: { heading: (code: string, text: string) => string; none: string };
  /** The XLSX's Statistics, Member States, Organisations and Attachments sheets. */
  sheets: {
    statistics: string;
    memberStates: string;
    organisations: string;
    attachments: string;
    totals: string;
    measure: string;
    count: string;
    countries: string;
    highlighted: string;
    byQuestion: string;
    overTime: string;
    date: string;
    code: string;
    participant: string;
    contributionId: string;
    file: string;
    type: string;
    size: string;
    /** Beside several files in one cell of the Contributions sheet. */
    linksElsewhere: string;
    /** The Statistics sheet's verified figures (participation's `verified`). */
    verified: {
      title: string;
      /** What "verified" counts, under the title. */
      note: string;
      contributions: string;
      contributors: string;
      memberStates: string;
      officialContributions: string;
      officialMemberStates: string;
      byCategory: string;
    };
  };
  /** A note exported as Word or Markdown. */
  note: {
    subtitle: (code: string, title: string) => string;
    annexTitle: string;
    annexIntro: string;
    noLongerPublished: string;
  };
}

const more: Record<ExportLanguage, MoreWords> = {
  en: {
    reply: {
      unpublished: 'In reply to a contribution that is not published',
      to: (n) => `In reply to ${n}`,
      outside: (n) => `In reply to ${n} (not in this export)`,
    },
    alsoUnder: (codes) => `Also under ${codes.length === 1 ? 'objective' : 'objectives'} ${list('en', codes)}`,
    objective: { heading: (code, text) => `Objective ${code}: ${text}`, none: 'No objective' },
    sheets: {
      statistics: 'Statistics',
      memberStates: 'Member States',
      organisations: 'Organisations',
      attachments: 'Attachments',
      totals: 'Totals',
      measure: 'Measure',
      count: 'Count',
      countries: 'Countries',
      highlighted: 'Highlighted',
      byQuestion: 'By question',
      overTime: 'Over time (UTC)',
      date: 'Date',
      code: 'Code',
      participant: 'Participant',
      contributionId: 'Contribution ID',
      file: 'File',
      type: 'Type',
      size: 'Size (bytes)',
      linksElsewhere: '(links: Attachments sheet)',
      verified: {
        title: 'Verified figures',
        note: 'Counted only over participants whose affiliation is verified. Member States are counted from focal points and verified government participants.',
        contributions: 'Verified contributions',
        contributors: 'Verified contributors',
        memberStates: 'Member States (verified)',
        officialContributions: 'Official contributions (focal points)',
        officialMemberStates: 'Member States with an official contribution',
        byCategory: 'Verified, by stakeholder category',
      },
    },
    note: {
      subtitle: (code, title) => `Background note for ${code} — ${title}`,
      annexTitle: 'Annex: Contributions considered',
      annexIntro: 'Contributions placed in the sections of this note but not cited in its text.',
      noLongerPublished: 'Contribution no longer published',
    },
  },
  fr: {
    reply: {
      unpublished: 'En réponse à une contribution non publiée',
      to: (n) => `En réponse à la contribution ${n}`,
      outside: (n) => `En réponse à la contribution ${n} (absente de cet export)`,
    },
    alsoUnder: (codes) =>
      codes.length === 1
        ? `Figure aussi sous l’objectif ${codes[0]}`
        : `Figure aussi sous les objectifs ${list('fr', codes)}`,
    objective: { heading: (code, text) => `Objectif ${code}\u00a0: ${text}`, none: 'Sans objectif' },
    sheets: {
      statistics: 'Statistiques',
      memberStates: 'États membres',
      organisations: 'Organisations',
      attachments: 'Pièces jointes',
      totals: 'Totaux',
      measure: 'Indicateur',
      count: 'Nombre',
      countries: 'Pays',
      highlighted: 'Retenues',
      byQuestion: 'Par question',
      overTime: 'Évolution dans le temps (UTC)',
      date: 'Date',
      code: 'Code',
      participant: 'Participant',
      contributionId: 'Identifiant de la contribution',
      file: 'Fichier',
      type: 'Type',
      size: 'Taille (octets)',
      linksElsewhere: '(liens : feuille Pièces jointes)',
      verified: {
        title: 'Chiffres vérifiés',
        note: 'Comptés uniquement parmi les participants dont l’affiliation est vérifiée. Les États membres sont comptés à partir des points focaux et des participants gouvernementaux vérifiés.',
        contributions: 'Contributions vérifiées',
        contributors: 'Contributeurs vérifiés',
        memberStates: 'États membres (vérifiés)',
        officialContributions: 'Contributions officielles (points focaux)',
        officialMemberStates: 'États membres ayant une contribution officielle',
        byCategory: 'Chiffres vérifiés, par catégorie de parties prenantes',
      },
    },
    note: {
      subtitle: (code, title) => `Note d’information pour ${code} — ${title}`,
      annexTitle: 'Annexe : Contributions examinées',
      annexIntro: 'Contributions classées dans les sections de la présente note mais non citées dans son texte.',
      noLongerPublished: 'Contribution qui n’est plus publiée',
    },
  },
  es: {
    reply: {
      unpublished: 'En respuesta a una contribución no publicada',
      to: (n) => `En respuesta a la contribución ${n}`,
      outside: (n) => `En respuesta a la contribución ${n} (no incluida en esta exportación)`,
    },
    alsoUnder: (codes) =>
      codes.length === 1 ? `También en el objetivo ${codes[0]}` : `También en los objetivos ${list('es', codes)}`,
    objective: { heading: (code, text) => `Objetivo ${code}: ${text}`, none: 'Sin objetivo' },
    sheets: {
      statistics: 'Estadísticas',
      memberStates: 'Estados miembros',
      organisations: 'Organizaciones',
      attachments: 'Archivos adjuntos',
      totals: 'Totales',
      measure: 'Indicador',
      count: 'Número',
      countries: 'Países',
      highlighted: 'Destacadas',
      byQuestion: 'Por pregunta',
      overTime: 'Evolución en el tiempo (UTC)',
      date: 'Fecha',
      code: 'Código',
      participant: 'Participante',
      contributionId: 'ID de la contribución',
      file: 'Archivo',
      type: 'Tipo',
      size: 'Tamaño (bytes)',
      linksElsewhere: '(enlaces: hoja Archivos adjuntos)',
      verified: {
        title: 'Cifras verificadas',
        note: 'Contadas solo entre los participantes cuya afiliación está verificada. Los Estados miembros se cuentan a partir de los puntos focales y de los participantes gubernamentales verificados.',
        contributions: 'Contribuciones verificadas',
        contributors: 'Participantes verificados',
        memberStates: 'Estados miembros (verificados)',
        officialContributions: 'Contribuciones oficiales (puntos focales)',
        officialMemberStates: 'Estados miembros con una contribución oficial',
        byCategory: 'Cifras verificadas, por categoría de partes interesadas',
      },
    },
    note: {
      subtitle: (code, title) => `Nota de antecedentes para ${code} — ${title}`,
      annexTitle: 'Anexo: Contribuciones examinadas',
      annexIntro: 'Contribuciones asignadas a las secciones de la presente nota pero no citadas en su texto.',
      noLongerPublished: 'Contribución que ya no está publicada',
    },
  },
  ar: {
    reply: {
      unpublished: 'ردًا على مساهمة غير منشورة',
      to: (n) => `ردًا على المساهمة ${n}`,
      outside: (n) => `ردًا على المساهمة ${n} (غير مدرجة في هذا التصدير)`,
    },
    // Singular, dual, then plural (CLDR: one, two, other categories for a list of objectives).
    alsoUnder: (codes) => {
      const form = plural('ar', codes.length);
      const noun = form === 'one' ? 'الهدف' : form === 'two' ? 'الهدفين' : 'الأهداف';
      return `مدرجة أيضًا تحت ${noun} ${list('ar', codes)}`;
    },
    objective: { heading: (code, text) => `الهدف ${code}: ${text}`, none: 'دون هدف' },
    sheets: {
      statistics: 'الإحصاءات',
      memberStates: 'الدول الأعضاء',
      organisations: 'المنظمات',
      attachments: 'المرفقات',
      totals: 'المجاميع',
      measure: 'المؤشر',
      count: 'العدد',
      countries: 'البلدان',
      highlighted: 'المساهمات المُبرزة',
      byQuestion: 'حسب السؤال',
      overTime: 'التطور الزمني (التوقيت العالمي المنسق)',
      date: 'التاريخ',
      code: 'الرمز',
      participant: 'المشارك',
      contributionId: 'معرّف المساهمة',
      file: 'الملف',
      type: 'النوع',
      size: 'الحجم (بايت)',
      linksElsewhere: '(الروابط: ورقة المرفقات)',
      verified: {
        title: 'الأرقام الموثَّقة',
        note: 'تُحسب فقط من بين المشاركين الذين جرى توثيق انتمائهم. وتُحسب الدول الأعضاء استنادًا إلى جهات التنسيق والمشاركين الحكوميين الموثَّقين.',
        contributions: 'المساهمات الموثَّقة',
        contributors: 'المساهمون الموثَّقون',
        memberStates: 'الدول الأعضاء (موثَّق)',
        officialContributions: 'المساهمات الرسمية (جهات التنسيق)',
        officialMemberStates: 'الدول الأعضاء التي قدّمت مساهمة رسمية',
        byCategory: 'الأرقام الموثَّقة حسب فئة أصحاب المصلحة',
      },
    },
    note: {
      subtitle: (code, title) => `مذكرة معلومات أساسية: ${code} — ${title}`,
      annexTitle: 'المرفق: المساهمات التي نُظر فيها',
      annexIntro: 'مساهمات أُدرجت في أقسام هذه المذكرة دون الاستشهاد بها في نصها.',
      noLongerPublished: 'مساهمة لم تعد منشورة',
    },
  },
  zh: {
    reply: {
      unpublished: '回复一条未发布的意见',
      to: (n) => `回复意见${n}`,
      outside: (n) => `回复意见${n}（不在本次导出中）`,
    },
    alsoUnder: (codes) => `另见目标${list('zh', codes)}`,
    objective: { heading: (code, text) => `目标${code}：${text}`, none: '无目标' },
    sheets: {
      statistics: '统计',
      memberStates: '会员国',
      organisations: '组织',
      attachments: '附件',
      totals: '总计',
      measure: '指标',
      count: '数量',
      countries: '国家',
      highlighted: '重点标记',
      byQuestion: '按问题',
      overTime: '时间分布（UTC）',
      date: '日期',
      code: '代码',
      participant: '参与者',
      contributionId: '意见 ID',
      file: '文件',
      type: '类型',
      size: '大小（字节）',
      linksElsewhere: '（链接见“附件”工作表）',
      verified: {
        title: '已验证的数字',
        note: '仅统计所属机构已验证的参与者。会员国根据联络人和已验证的政府参与者统计。',
        contributions: '已验证的意见',
        contributors: '已验证的提交者',
        memberStates: '会员国（已验证）',
        officialContributions: '正式意见（联络人）',
        officialMemberStates: '提交正式意见的会员国',
        byCategory: '按利益攸关方类别分列的已验证数字',
      },
    },
    note: {
      subtitle: (code, title) => `背景说明：${code} — ${title}`,
      annexTitle: '附件：已审议的意见',
      annexIntro: '已归入本说明各节但未在正文中引用的意见。',
      noLongerPublished: '该意见已不再发布',
    },
  },
  ru: {
    reply: {
      unpublished: 'Ответ на неопубликованный материал',
      to: (n) => `Ответ на материал ${n}`,
      outside: (n) => `Ответ на материал ${n} (не входит в эту выгрузку)`,
    },
    alsoUnder: (codes) => `Также по ${codes.length === 1 ? 'цели' : 'целям'} ${list('ru', codes)}`,
    objective: { heading: (code, text) => `Цель ${code}: ${text}`, none: 'Без цели' },
    sheets: {
      statistics: 'Статистика',
      memberStates: 'Государства-члены',
      organisations: 'Организации',
      attachments: 'Вложения',
      totals: 'Итоги',
      measure: 'Показатель',
      count: 'Количество',
      countries: 'Страны',
      highlighted: 'Отмеченные',
      byQuestion: 'По вопросам',
      overTime: 'Динамика (UTC)',
      date: 'Дата',
      code: 'Код',
      participant: 'Участник',
      contributionId: 'Идентификатор материала',
      file: 'Файл',
      type: 'Тип',
      size: 'Размер (байт)',
      linksElsewhere: '(ссылки: лист «Вложения»)',
      verified: {
        title: 'Подтверждённые данные',
        note: 'Учитываются только участники, принадлежность которых подтверждена. Государства-члены учитываются по координаторам и подтверждённым участникам от правительств.',
        contributions: 'Подтверждённые материалы',
        contributors: 'Подтверждённые авторы',
        memberStates: 'Государства-члены (подтверждено)',
        officialContributions: 'Официальные материалы (координаторы)',
        officialMemberStates: 'Государства-члены, представившие официальный материал',
        byCategory: 'Подтверждённые данные по категориям заинтересованных сторон',
      },
    },
    note: {
      subtitle: (code, title) => `Справочная записка: ${code} — ${title}`,
      annexTitle: 'Приложение. Рассмотренные материалы',
      annexIntro: 'Материалы, отнесённые к разделам настоящей записки, но не процитированные в её тексте.',
      noLongerPublished: 'Материал больше не опубликован',
    },
  },
};

export const EXPORT_WORDS = {
  en: { ...en, ...more.en },
  fr: { ...fr, ...more.fr },
  es: { ...es, ...more.es },
  ar: { ...ar, ...more.ar },
  zh: { ...zh, ...more.zh },
  ru: { ...ru, ...more.ru },
} satisfies Record<ExportLanguage, Words & MoreWords>;

/** A contribution's language named in the export's language ("الفرنسية", "法语", "французский"). */
export function languageName(language: CommentLanguage, lang: ExportLanguage): string {
  if (lang === 'en') return LANGUAGE_LABELS[language];
  if (language === 'other') return EXPORT_WORDS[lang].otherLanguage;
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(language) ?? language;
  // Capitalised, as a value standing alone in a cell or a line ("Français", "Французский").
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** A country named in the export's language (English: the name the curated input already has). */
export function regionName(code: string | null, english: string | null, lang: ExportLanguage): string | null {
  if (!code || lang === 'en') return english;
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? english;
}
