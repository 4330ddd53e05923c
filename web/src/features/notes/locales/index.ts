import i18n from '../../../i18n';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

/**
 * The workspace's strings are registered when its chunk loads: web/src/i18n/locales is bundled
 * into every page, and participants never open this one.
 */
for (const [lng, resources] of Object.entries({ en, fr, es })) {
  if (!i18n.hasResourceBundle(lng, 'notes')) i18n.addResourceBundle(lng, 'notes', resources, true, false);
}
