import type { Locale, authResponse } from '@convene/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useErrorText } from '../components/ErrorMessage';
import { setCachedUser, useMe, useMyAbilities, useSignOut } from '../features/auth/api/me';
import { EnrolmentGuard } from '../features/auth/components/EnrolmentGuard';
import { VerifyEmailBanner } from '../features/auth/components/VerifyEmailBanner';
import { safeNext, withNext } from '../features/auth/utils/next';
import { navCountQuery } from '../features/moderation/api/navCount';
import { NotificationsMenu } from '../features/notifications/components/NotificationsMenu';
import { hasStoredLanguage, isLocale, setLanguage } from '../i18n';
import { ENDONYMS, LANGUAGE_ORDER } from '../i18n/names';
import { type Answer, api } from '../lib/api';
import { useLiveStatus } from '../lib/live';
import { ErrorBoundary } from './ErrorBoundary';

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const change = (lng: Locale) => {
    setLanguage(lng);
    // Remembered per account too, so it follows the user to another device.
    if (me) {
      void api<Answer<typeof authResponse>>('/api/auth/me', { method: 'PATCH', body: { locale: lng } })
        .then((d) => setCachedUser(qc, d.user))
        .catch(() => {});
    }
  };
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={i18n.language} onChange={(e) => isLocale(e.target.value) && change(e.target.value)}>
        {LANGUAGE_ORDER.map((l) => (
          <option key={l} value={l} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
            {ENDONYMS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  // Pages without live content open no socket; saying "connecting" there would be untrue. The
  // (empty) status region is there from the start all the same: screen readers announce changes of
  // a live region they already know, and on a phone its grid column is kept (no layout shift).
  if (status === 'idle') return <span className="live-indicator live-idle" role="status" />;
  const text = t(`live.${status}`);
  return (
    <span className={`live-indicator live-${status}`} role="status" title={text}>
      <span aria-hidden="true" className="live-dot" /> {text}
    </span>
  );
}

/**
 * How many contributions wait across every space the user moderates, beside "Moderation".
 * Its label says so ("5 awaiting moderation in all your spaces"): a space's queue shows fewer.
 */
function PendingBadge() {
  const { t } = useTranslation();
  const { data } = useQuery(navCountQuery);
  const n = data?.counts.pending ?? 0;
  if (n === 0) return null;
  const label = t('nav.pending', { count: n });
  return (
    <span className="nav-badge" title={label}>
      <span aria-hidden="true">{n}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

function AccountNav() {
  const { t } = useTranslation();
  const me = useMe();
  const abilities = useMyAbilities();
  const signOut = useSignOut();
  const errorText = useErrorText();
  const location = useLocation();
  if (me === undefined) return null;
  if (!me) {
    // Signing in or registering brings the person back to the page they were on.
    const here = safeNext(`${location.pathname}${location.search}${location.hash}`);
    return (
      <>
        <li>
          <NavLink to={withNext('/signin', here)}>{t('nav.signIn')}</NavLink>
        </li>
        <li>
          <NavLink to={withNext('/register', here)}>{t('nav.register')}</NavLink>
        </li>
      </>
    );
  }
  return (
    <>
      {abilities?.moderate && (
        <li>
          <NavLink to="/moderation">
            {t('nav.moderation')}
            <PendingBadge />
          </NavLink>
        </li>
      )}
      {abilities?.admin && (
        <li>
          <NavLink to="/admin">{t('nav.admin')}</NavLink>
        </li>
      )}
      <li>
        <NavLink to="/account/contributions">{t('nav.myContributions')}</NavLink>
      </li>
      <li>
        <NavLink to="/account" end>
          {t('nav.account')} <span className="visually-hidden">({me.displayName})</span>
        </NavLink>
      </li>
      <li>
        <button type="button" className="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('nav.signOut')}
        </button>
        {/* On a shared computer, a sign-out that did not happen must not look as if it had. */}
        {signOut.error && (
          <span className="field-error" role="alert">
            {' '}
            {t('nav.signOutFailed', { error: errorText(signOut.error) })}
          </span>
        )}
      </li>
    </>
  );
}

/**
 * Moves focus to the page's heading after navigation, so screen readers announce the new page —
 * unless the new page has put the caret in one of its fields on arrival (the composer a person
 * came back to answer with): this effect, the layout's, runs after the page's own.
 */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (active?.matches('main textarea, main input, main select, main [contenteditable="true"]')) return;
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: false });
    }
  }, [location.pathname]);
}

/** A language chosen on this device wins; otherwise the account's remembered one. */
function useAccountLanguage() {
  const me = useMe();
  const { i18n } = useTranslation();
  useEffect(() => {
    if (me && !hasStoredLanguage() && me.locale !== i18n.language) void i18n.changeLanguage(me.locale);
  }, [me, i18n]);
}

/**
 * On a narrow screen the navigation and the language fold behind a "Menu" button (one row of
 * header); it closes on navigation (it is open for one location only) and with Escape. Wide
 * screens show it all, and no button.
 */
function useMenu(button: RefObject<HTMLButtonElement | null>) {
  const { key } = useLocation();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === key;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenAt(null);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, button]);
  return { open, toggle: () => setOpenAt(open ? null : key) };
}

export function Layout() {
  const { t } = useTranslation();
  useFocusOnNavigate();
  useAccountLanguage();
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useMenu(menuButton);
  const menuId = useId();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            {t('appName')}
            <span className="brand-tagline">{t('tagline')}</span>
          </Link>
          <LiveIndicator />
          <NotificationsMenu />
          <button
            type="button"
            className="menu-button"
            ref={menuButton}
            aria-expanded={menu.open}
            aria-controls={menuId}
            onClick={menu.toggle}
          >
            <span aria-hidden="true" className="menu-icon" />
            {t('nav.menu')}
          </button>
          <div id={menuId} className={`site-menu${menu.open ? ' is-open' : ''}`}>
            <nav aria-label={t('nav.label')}>
              <ul className="nav-list">
                <li>
                  <NavLink to="/" end>
                    {t('nav.spaces')}
                  </NavLink>
                </li>
                <AccountNav />
              </ul>
            </nav>
            <div className="header-tools">
              <LanguageSwitcher />
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <VerifyEmailBanner />
        <EnrolmentGuard />
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t('footer.disclaimer')}</p>
        <p>
          <a href="/api/docs">{t('footer.api')}</a>
        </p>
      </footer>
      <ScrollRestoration />
    </>
  );
}
