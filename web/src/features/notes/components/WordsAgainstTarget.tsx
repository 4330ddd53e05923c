import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';

/** "742 / 1,000 words", with the over-target state said in words and marked by more than colour. */
export function WordsAgainstTarget({
  words,
  target,
  id,
  bar = false,
}: {
  words: number;
  target: number | null;
  id?: string;
  bar?: boolean;
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const over = target !== null && target > 0 && words > target;
  return (
    <span className={`words${over ? ' words-over' : ''}`} id={id} data-testid="note-word-count">
      <span className="words-figure">
        {target !== null
          ? t('words.ofTarget', { words: f.number(words), target: f.number(target), count: words })
          : t('words.count', { words: f.number(words), count: words })}
      </span>
      {over && (
        <span className="badge warn words-over-badge">
          <span aria-hidden="true">▲ </span>
          {t('words.over', { count: words - (target ?? 0), words: f.number(words - (target ?? 0)) })}
        </span>
      )}
      {bar && target !== null && target > 0 && (
        <span className="words-bar" aria-hidden="true">
          <span className="words-bar-fill" style={{ width: `${Math.min(100, (words / target) * 100)}%` }} />
        </span>
      )}
    </span>
  );
}
