import { type CommentLanguage, type ExportDocument, LANGUAGE_LABELS, type Locale } from '@convene/shared';
import type { ColumnKey } from './format.js';

/**
 * The fixed text of the exports in the six interface languages: column headers of the tabular
 * formats, the Word report's headings and labels. The export's language is the one asked
 * (`translation=`, else `lang=`), English otherwise. Every language has every key (`satisfies`).
 */
export const EXPORT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const satisfies readonly Locale[];
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * The languages an export's fixed text is printed in today. French and Spanish are written below
 * but not switched on yet: exports asked in French or Spanish have kept English headers so far,
 * and tests and users' spreadsheets (translations.test.ts reads `Translation language` from a
 * `translation=fr` CSV) rely on them; adding 'fr' and 'es' here switches them on.
 */
const FIXED_TEXT_LANGUAGES: ReadonlySet<string> = new Set<ExportLanguage>(['en', 'ar', 'zh', 'ru']);

/** The language of an export's fixed text: the translation asked for, else the language filtered on, else English. */
export function exportLanguage(filters: Pick<ExportDocument['filters'], 'language' | 'translation'>): ExportLanguage {
  const asked = filters.translation ?? filters.language ?? 'en';
  return FIXED_TEXT_LANGUAGES.has(asked) ? (asked as ExportLanguage) : 'en';
}

/** Arabic is laid out right to left (Word paragraphs `bidirectional`, the sheet right to left). */
export const isRightToLeft = (lang: ExportLanguage | CommentLanguage) => lang === 'ar';

/** Word fonts per script: Latin, complex scripts (Arabic) and East Asian (Chinese). */
export const WORD_FONT = { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Arial', eastAsia: 'Microsoft YaHei' };

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
  /** A contribution's language with no name of its own ("other"). */
  otherLanguage: string;
  /** The verified-affiliation and focal-point marks beside an author. */
  marks: { verified: (by: string | null, date: string) => string; official: (memberState: string) => string };
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
  otherLanguage: 'Other',
  marks: {
    verified: (by, date) => `Verified${by ? ` by ${by}` : ''}, ${date}`,
    official: (m) => `Official contribution of ${m}`,
  },
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
  otherLanguage: 'Autre',
  marks: {
    verified: (by, date) => `Vérifié${by ? ` par ${by}` : ''}, ${date}`,
    official: (m) => `Contribution officielle de l’État membre : ${m}`,
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
  otherLanguage: 'Otro',
  marks: {
    verified: (by, date) => `Verificado${by ? ` por ${by}` : ''}, ${date}`,
    official: (m) => `Contribución oficial del Estado miembro: ${m}`,
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
  otherLanguage: 'لغة أخرى',
  marks: {
    verified: (by, date) => `موثَّق${by ? ` بواسطة ${by}` : ''}، ${date}`,
    official: (m) => `مساهمة رسمية من ${m}`,
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
  otherLanguage: '其他',
  marks: { verified: (by, date) => `已验证${by ? `（${by}）` : ''}，${date}`, official: (m) => `${m}的正式提交` },
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
  otherLanguage: 'Другой',
  marks: {
    verified: (by, date) => `Подтверждено${by ? ` (${by})` : ''}, ${date}`,
    official: (m) => `Официальный вклад государства-члена: ${m}`,
  },
};

export const EXPORT_WORDS = { en, fr, es, ar, zh, ru } satisfies Record<ExportLanguage, Words>;

/** A contribution's language named in the export's language ("الفرنسية", "法语", "французский"). */
export function languageName(language: CommentLanguage, lang: ExportLanguage): string {
  if (lang === 'en') return LANGUAGE_LABELS[language];
  if (language === 'other') return EXPORT_WORDS[lang].otherLanguage;
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(language) ?? language;
  // Capitalised, as a value standing alone in a cell or a line ("Français", "Французский").
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}
