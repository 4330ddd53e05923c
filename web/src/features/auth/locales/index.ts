import i18n from '../../../i18n';
import { byLanguage } from '../../../i18n/bundles';

/**
 * The strings of the verification, invitation, email-change and invitations pages, merged into
 * the `identity` namespace when one of those pages' chunks loads. Every page needs only the
 * banner's and the held comment's words, which stay in `web/src/i18n/locales/<lang>/identity.json`.
 */
for (const [lng, resources] of Object.entries(
  byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })),
)) {
  i18n.addResourceBundle(lng, 'identity', resources, true, false);
}
