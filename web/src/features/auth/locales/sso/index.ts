import i18n from '../../../../i18n';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

/** Single sign-on on the sign-in page (the button and the failure messages), in the `sso` namespace. */
for (const [lng, resources] of Object.entries({ en, fr, es })) {
  i18n.addResourceBundle(lng, 'sso', resources, true, false);
}
