import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { withNext } from '../../auth/utils/next';
import { useDiscussion } from '../context';
import { type DraftTarget, targetKey } from '../lib/drafts';
import { focusWhenReady } from '../lib/focus';

const Composer = lazy(() => import('./Composer'));

/** Where the composer for a question goes: a button that opens it, or a way to sign in. */
export function AnswerSlot({ target, buttonLabel }: { target: DraftTarget; buttonLabel: string }) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const location = useLocation();
  const key = targetKey(target);
  const buttonId = `answer-${key.replace(/[^a-z0-9-]/gi, '-')}`;
  // Back from signing in or registering to answer this question: its composer opens, focused.
  const composeHash = `#compose-${buttonId}`;
  // 'draft': reopened on page load because a draft was saved; 'user': opened with the button.
  const [open, setOpen] = useState<false | 'draft' | 'user'>(() =>
    location.hash === composeHash ? 'user' : d.drafts.has(key) ? 'draft' : false,
  );

  // A composer already open (or a saved draft) stays with its text when the space closes under it:
  // a deadline passing while someone writes must not take their words off the screen.
  const keep = open !== false && d.meId !== null;
  if (!d.isOpen && !keep) return <p className="muted closed-note">{t('composer.closedShort')}</p>;
  if (d.meId === null) {
    const back = `${location.pathname}${location.search}${composeHash}`;
    return (
      <p className="sign-in-to-comment">
        <Link to={withNext('/signin', back)}>{t('composer.signInToComment')}</Link>
        <span aria-hidden="true"> · </span>
        <Link to={withNext('/register', back)}>{t('header.register')}</Link>
      </p>
    );
  }
  if (!d.canPost && !keep) return null;
  return (
    <div className="answer-slot">
      {!open && (
        <button type="button" id={buttonId} className="button" onClick={() => setOpen('user')}>
          {buttonLabel}
        </button>
      )}
      {open && (
        <Suspense fallback={<p className="muted">{t('common:loading')}</p>}>
          <Composer
            target={target}
            focusOnMount={open === 'user'}
            onDone={(c) => {
              setOpen(false);
              focusWhenReady(`comment-${c.id}`, buttonId);
            }}
            onCancel={() => {
              setOpen(false);
              focusWhenReady(buttonId);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
