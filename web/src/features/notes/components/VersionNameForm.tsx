import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';

/** Names a version ("Draft for the Bureau"), or takes the name off when left empty. */
export function VersionNameForm({
  version,
  name,
  onSave,
  onCancel,
}: {
  version: number;
  name: string | null;
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('notes');
  const [value, setValue] = useState(name ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `version-${version}-name`;
  return (
    <form
      className="version-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        setPending(true);
        setError(null);
        onSave(value.trim())
          .catch(setError)
          .finally(() => setPending(false));
      }}
    >
      <label htmlFor={id}>{t('versions.nameField', { v: version })}</label>
      <span className="hint muted" id={`${id}-hint`}>
        {t('versions.nameHint')}
      </span>
      <input
        id={id}
        value={value}
        maxLength={120}
        autoFocus
        aria-describedby={`${id}-hint`}
        onChange={(e) => setValue(e.target.value)}
      />
      <ErrorMessage error={error} />
      <div className="contrib-actions">
        <button type="submit" className="button small" disabled={pending}>
          {t('versions.nameSave')}
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  );
}
