import i18n from '../../../../i18n';
import { byLanguage } from '../../../../i18n/bundles';

/** The account page's "Your data" section (download and deletion), in the `personalData` namespace. */
for (const [lng, resources] of Object.entries(
  byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })),
)) {
  i18n.addResourceBundle(lng, 'personalData', resources, true, false);
}
