import i18n from '../../../i18n';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

/** The outcome's strings, registered when the space page or the note workspace loads them. */
for (const [lng, resources] of Object.entries({ en, fr, es })) {
  if (!i18n.hasResourceBundle(lng, 'outcome')) i18n.addResourceBundle(lng, 'outcome', resources, true, false);
}
