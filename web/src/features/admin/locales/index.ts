import { addNamespace } from '../../moderation/lib/i18n';
import { byLanguage } from '../../../i18n/bundles';

addNamespace('admin', byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })));
