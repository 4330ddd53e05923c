import i18n from '../../../i18n';
import { byLanguage } from '../../../i18n/bundles';

/** The outcome's strings, registered when the space page or the note workspace loads them. */
for (const [lng, resources] of Object.entries(
  byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })),
)) {
  if (!i18n.hasResourceBundle(lng, 'outcome')) i18n.addResourceBundle(lng, 'outcome', resources, true, false);
}
