import { addNamespace } from '../../moderation/lib/i18n';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

addNamespace('staffAccounts', { en, fr, es });
