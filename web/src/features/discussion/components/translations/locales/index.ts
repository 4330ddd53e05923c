import i18n from '../../../../../i18n';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

/** The translation strings of the discussion, registered when a comment first needs them. */
for (const [lng, resources] of Object.entries({ en, fr, es })) {
  if (!i18n.hasResourceBundle(lng, 'translations')) i18n.addResourceBundle(lng, 'translations', resources, true, false);
}
