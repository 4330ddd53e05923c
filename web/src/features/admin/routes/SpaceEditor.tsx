import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components/I18nProvider';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useMyAbilities } from '../../auth/api/me';
import { useSpace } from '../api/spaces';
import { type DuplicatedState, DuplicateSpace } from '../components/DuplicateSpace';
import { QuestionsEditor } from '../components/QuestionsEditor';
import { RolesEditor } from '../components/RolesEditor';
import { SpaceForm } from '../components/SpaceForm';
import { TranslationsEditor } from '../components/TranslationsEditor';
import { inOriginal } from '../lib/translations';
import { StaffGate } from '../../moderation/components/StaffGate';
import { usePageTitle } from '../../moderation/hooks/usePageTitle';
import '../../moderation/locales';
import '../locales';
import '../admin.css';

/** `/admin/spaces/new` and `/admin/spaces/:slug`: a space's settings, questions and roles. */
export function SpaceEditor() {
  const { slug } = useParams();
  const { t, i18n } = useTranslation('admin');
  return (
    <I18nProvider locale={i18n.language}>
      <StaffGate title={slug ? t('editor.editShort') : t('editor.new')}>
        {slug ? <EditSpace slug={slug} key={slug} /> : <NewSpace />}
      </StaffGate>
    </I18nProvider>
  );
}

function NewSpace() {
  const { t } = useTranslation('admin');
  usePageTitle(t('editor.new'));
  return (
    <div className="staff admin-page">
      <p className="staff-breadcrumb">
        <Link to="/admin">{t('home.title')}</Link>
      </p>
      <h1>{t('editor.new')}</h1>
      <p className="page-subtitle">{t('editor.newIntro')}</p>
      <SpaceForm space={null} />
    </div>
  );
}

function EditSpace({ slug }: { slug: string }) {
  const { t } = useTranslation('admin');
  const isAdmin = useMyAbilities()?.admin ?? false;
  const location = useLocation();
  const state = location.state as ({ created?: boolean } & Partial<DuplicatedState>) | null;
  const created = state?.created;
  const duplicated = state?.duplicatedFrom;
  const space = useSpace(slug);
  const title = t('editor.edit', { code: space.data?.code ?? slug });
  usePageTitle(title);
  const s = space.data;
  return (
    <div className="staff admin-page">
      {isAdmin && (
        <p className="staff-breadcrumb">
          <Link to="/admin">{t('home.title')}</Link>
        </p>
      )}
      <h1>{title}</h1>
      {s && (
        <p className="page-subtitle" lang={s.lang.title} dir="auto">
          {s.title}
        </p>
      )}
      {created && <p className="notice success">{t('editor.created')}</p>}
      {duplicated && (
        <p className="notice success" role="status">
          {t('editor.duplicated', { code: duplicated.code, count: duplicated.questions })}{' '}
          {t(duplicated.roles > 0 ? 'editor.duplicatedRoles' : 'editor.duplicatedNoRoles', { count: duplicated.roles })}
        </p>
      )}
      {s && (
        <nav aria-label={t('editor.links')} className="page-links">
          <ul>
            <li>
              <Link to={`/spaces/${slug}`}>{t('editor.view')}</Link>
            </li>
            {s.abilities.moderate && (
              <li>
                <Link to={`/spaces/${slug}/moderation`}>{t('editor.queue')}</Link>
              </li>
            )}
            {s.abilities.moderate && (
              <li>
                <Link to={`/spaces/${slug}/dashboard`}>{t('editor.dashboard')}</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
      {space.isError && <ErrorMessage error={space.error} />}
      {space.isPending && <p role="status">{t('common:loading')}</p>}
      {s && !s.abilities.editContent && <p className="notice">{t('editor.forbidden')}</p>}
      {s && s.abilities.editContent && (
        <>
          {/* The settings and questions forms write the original, whatever language the page is read in. */}
          <SpaceForm space={inOriginal(s)} key={s.slug} />
          <QuestionsEditor space={inOriginal(s)} />
          <TranslationsEditor space={s} key={`tr-${s.slug}-${s.questions.map((q) => q.id).join()}`} />
          {s.abilities.manageRoles && <RolesEditor space={s} />}
          {s.abilities.edit && <DuplicateSpace space={s} key={`dup-${s.slug}`} />}
        </>
      )}
    </div>
  );
}
