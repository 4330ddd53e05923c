import { addNamespace } from '../../moderation/lib/i18n';
import { byLanguage } from '../../../i18n/bundles';

addNamespace('affiliations', byLanguage(import.meta.glob('./*.json', { eager: true, import: 'default' })));
