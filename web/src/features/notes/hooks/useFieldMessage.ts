import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';

/**
 * The text of a field error held by the editor: the server's own message (it names the
 * problem), or one of the editor's checks ("client:<kind>") in the interface language.
 */
export function useFieldMessage() {
  const { t } = useTranslation('notes');
  const f = useFormat();
  return (raw: string | undefined): string | undefined => {
    if (!raw) return undefined;
    if (!raw.startsWith('client:')) return raw;
    const kind = raw.slice('client:'.length);
    if (kind === 'targetWords') return t('fields.targetWordsRange', { min: f.number(50), max: f.number(50_000) });
    return t(`fields.${kind}`);
  };
}
