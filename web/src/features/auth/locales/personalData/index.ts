import i18n from '../../../../i18n';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

/** The account page's "Your data" section (download and deletion), in the `personalData` namespace. */
for (const [lng, resources] of Object.entries({ en, fr, es })) {
  i18n.addResourceBundle(lng, 'personalData', resources, true, false);
}
