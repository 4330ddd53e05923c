import i18n from '../../../../i18n';
import { byLanguage } from '../../../../i18n/bundles';

/** Single sign-on on the sign-in page (the button and the failure messages), in the `sso` namespace. */
for (const [lng, resources] of Object.entries(
  byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })),
)) {
  i18n.addResourceBundle(lng, 'sso', resources, true, false);
}
