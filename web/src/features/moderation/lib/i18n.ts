import i18n from '../../../i18n';

/**
 * Staff translations are registered when a staff page's chunk loads, not bundled with the
 * app's base (web/src/i18n/locales is loaded eagerly on every page): participants never
 * download the strings of pages they cannot open.
 */
export function addNamespace(ns: string, bundles: Record<string, Record<string, unknown>>): void {
  for (const [lng, resources] of Object.entries(bundles)) {
    if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, resources, true, false);
  }
}
