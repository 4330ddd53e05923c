import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDiscussion } from '../context';
import { type DraftTarget, targetKey } from '../lib/drafts';
import { focusWhenReady } from '../lib/focus';

const Composer = lazy(() => import('./Composer'));

/** Where the composer for a question goes: a button that opens it, or a way to sign in. */
export function AnswerSlot({ target, buttonLabel }: { target: DraftTarget; buttonLabel: string }) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const key = targetKey(target);
  // 'draft': reopened on page load because a draft was saved; 'user': opened with the button.
  const [open, setOpen] = useState<false | 'draft' | 'user'>(() => (d.drafts.has(key) ? 'draft' : false));
  const buttonId = `answer-${key.replace(/[^a-z0-9-]/gi, '-')}`;

  if (!d.isOpen) return <p className="muted closed-note">{t('composer.closedShort')}</p>;
  if (d.meId === null) {
    return (
      <p className="sign-in-to-comment">
        <Link to={d.signInHref}>{t('composer.signInToComment')}</Link>
      </p>
    );
  }
  if (!d.canPost) return null;
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
