import i18n from '../../../../../i18n';
import { byLanguage } from '../../../../../i18n/bundles';

/** The translation strings of the discussion, registered when a comment first needs them. */
for (const [lng, resources] of Object.entries(
  byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })),
)) {
  if (!i18n.hasResourceBundle(lng, 'translations')) i18n.addResourceBundle(lng, 'translations', resources, true, false);
}
