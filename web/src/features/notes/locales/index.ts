import i18n from '../../../i18n';
import { byLanguage } from '../../../i18n/bundles';

/**
 * The workspace's strings are registered when its chunk loads: web/src/i18n/locales is bundled
 * into every page, and participants never open this one.
 */
for (const [lng, resources] of Object.entries(
  byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })),
)) {
  if (!i18n.hasResourceBundle(lng, 'notes')) i18n.addResourceBundle(lng, 'notes', resources, true, false);
}
