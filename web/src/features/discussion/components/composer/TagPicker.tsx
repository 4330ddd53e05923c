import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { useTags } from '../../api/getTags';
import { tagLabel } from '../../lib/tags';
import type { ComposerIds } from './ids';

/** The space's tags as checkboxes, folded away until one is chosen or the choice is refused. */
export function TagPicker({
  ids,
  tags,
  onChange,
  error,
}: {
  ids: ComposerIds;
  /** The chosen tag codes. */
  tags: string[];
  onChange: (tags: string[]) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation('discussion');
  const tagsQuery = useTags();
  const tagList = tagsQuery.data ?? [];
  return (
    <details className="composer-tags" open={tags.length > 0 || Boolean(error) || undefined}>
      <summary>
        {t('composer.tagsSummary')} <span className="muted">{t('composer.tagsSelected', { count: tags.length })}</span>
      </summary>
      <fieldset
        className="tag-picker"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? ids.tagsError : undefined}
      >
        <legend>{t('composer.tagsLegend')}</legend>
        {tagsQuery.error && <ErrorMessage error={tagsQuery.error} />}
        {tagList.map((tag) => {
          const checked = tags.includes(tag.code);
          return (
            <label key={tag.id} className="tag-option">
              <input
                type="checkbox"
                checked={checked}
                onChange={() => onChange(checked ? tags.filter((x) => x !== tag.code) : [...tags, tag.code])}
              />
              <span>
                <strong>{tag.code}.</strong> {tagLabel(tag, i18n.language)}
              </span>
            </label>
          );
        })}
      </fieldset>
      {error && (
        <p className="field-error" id={ids.tagsError}>
          {error}
        </p>
      )}
    </details>
  );
}
