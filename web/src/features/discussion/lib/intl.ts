/** A comment's `lang`: its language, or none for "other". */
export const langAttr = (language: string) => (language === 'other' ? undefined : language);

/** Defined with the other formatters of the interface; re-exported for the discussion's components. */
export { formatBytes, formatDateTime } from '../../../i18n/format';
