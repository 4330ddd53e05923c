import i18n from '../../../i18n';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

/**
 * The strings of the verification, invitation, email-change and invitations pages, merged into
 * the `identity` namespace when one of those pages' chunks loads. Every page needs only the
 * banner's and the held comment's words, which stay in `web/src/i18n/locales/<lang>/identity.json`.
 */
for (const [lng, resources] of Object.entries({ en, fr, es })) {
  i18n.addResourceBundle(lng, 'identity', resources, true, false);
}
