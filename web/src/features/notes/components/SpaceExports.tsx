import { EXPORT_FORMATS } from '@convene/shared';
import { useTranslation } from 'react-i18next';

/** Download links for the space's contributions, all published or the highlighted ones only. */
export function SpaceExports({ slug }: { slug: string }) {
  const { t } = useTranslation('notes');
  return (
    <section className="panel notes-exports" aria-labelledby="space-exports-title">
      <h2 id="space-exports-title">{t('exports.title')}</h2>
      <p className="muted">{t('exports.hint')}</p>
      <dl className="export-rows">
        {(['published', 'highlighted'] as const).map((scope) => (
          <div key={scope} className="export-row">
            <dt>{t(`exports.scope.${scope}`)}</dt>
            <dd>
              <ul className="inline-list">
                {EXPORT_FORMATS.map((format) => (
                  <li key={format}>
                    <a
                      href={`/api/spaces/${encodeURIComponent(slug)}/export?format=${format}&scope=${scope}`}
                      download
                      aria-label={t('exports.linkLabel', {
                        format: t(`exports.format.${format}`),
                        scope: t(`exports.scope.${scope}`),
                      })}
                    >
                      {t(`exports.format.${format}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
