import type { SpaceSummary } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useSpaces } from '../api/getSpaces';
import { ContentText } from '../components/ContentText';
import { SpaceCounts, SpaceDates, SpaceStatusBadge } from '../components/SpaceStatus';
import '../spaces.css';

function SpaceFacts({ space }: { space: SpaceSummary }) {
  return (
    <p className="space-facts">
      <SpaceStatusBadge space={space} />
      <SpaceDates space={space} />
      {(space.counts.questions > 0 || space.counts.comments > 0) && <SpaceCounts counts={space.counts} />}
    </p>
  );
}

function SpaceLink({ space }: { space: SpaceSummary }) {
  return (
    <Link to={`/spaces/${space.slug}`}>
      <span className="space-code">{space.code}</span> <ContentText lang={space.lang.title}>{space.title}</ContentText>
    </Link>
  );
}

export function SpacesIndex() {
  const { t } = useTranslation('spaces');
  const { data, error, isPending, refetch, isFetching } = useSpaces();

  return (
    <div className="spaces-index">
      <h1>{t('index.title')}</h1>
      <p className="lead prose">{t('index.intro')}</p>
      {isPending && (
        <p role="status" className="muted">
          {t('common:loading')}
        </p>
      )}
      {error && (
        <div className="inline-error">
          <ErrorMessage error={error} />
          <button type="button" className="button secondary" onClick={() => void refetch()} disabled={isFetching}>
            {t('common:errors.retry')}
          </button>
        </div>
      )}
      {data && data.spaces.length === 0 && <p className="notice">{t('index.empty')}</p>}
      {data && (
        <ul className="session-list">
          {data.spaces.map((node) => (
            <li key={node.id}>
              <section className="session" aria-labelledby={`space-${node.id}`}>
                <h2 id={`space-${node.id}`} className="session-title">
                  <SpaceLink space={node} />
                </h2>
                <SpaceFacts space={node} />
                {node.summary && (
                  <ContentText as="p" lang={node.lang.summary} className="space-summary prose">
                    {node.summary}
                  </ContentText>
                )}
                {node.children.length > 0 && (
                  <ul className="roundtable-list" aria-label={t('index.roundtablesOf', { code: node.code })}>
                    {node.children.map((child) => (
                      <li key={child.id} className="roundtable panel">
                        <h3 className="roundtable-title">
                          <SpaceLink space={child} />
                        </h3>
                        <SpaceFacts space={child} />
                        {child.summary && (
                          <ContentText as="p" lang={child.lang.summary} className="space-summary prose">
                            {child.summary}
                          </ContentText>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
