import { addNamespace } from '../lib/i18n';
import { byLanguage } from '../../../i18n/bundles';

addNamespace('moderation', byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })));
