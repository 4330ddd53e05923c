import type { InboxItem } from '@convene/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components/Button';
import { Dialog, DialogTrigger, Heading } from 'react-aria-components/Dialog';
import { Popover } from 'react-aria-components/Popover';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { inboxQuery, useMarkRead } from '../api/notifications';
import { useLiveNotifications } from '../hooks/useLiveNotifications';
import '../locales';
import '../notifications.css';

/**
 * The notifications menu in the header (signed-in people only): a bell with the unread count,
 * kept live over the app's WebSocket, opening a list of the person's notifications. An item
 * opened is marked read; "Mark all as read" marks every one. Escape closes it and focus returns
 * to the bell (react-aria's popover dialog).
 */
export default function SignedInMenu({ userId }: { userId: string }) {
  const { t } = useTranslation('notifications');
  useLiveNotifications(userId);
  const inbox = useInfiniteQuery(inboxQuery(userId));
  const markRead = useMarkRead(userId);
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  const unreadText = t('menu.unread', { count: unread });
  return (
    <div className="notifications">
      <DialogTrigger>
        <Button
          className="notifications-button"
          aria-label={unread > 0 ? `${t('menu.button')}, ${unreadText}` : t('menu.button')}
        >
          <BellIcon />
          {unread > 0 && (
            <span className="nav-badge notifications-badge" data-testid="notifications-badge" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </Button>
        <Popover placement="bottom end" className="notifications-popover">
          <Dialog className="notifications-dialog">
            {({ close }) => (
              <Panel
                userId={userId}
                unread={unread}
                onOpen={(item) => {
                  if (!item.read) markRead.mutate([item.id]);
                  close();
                }}
                onMarkAll={() => markRead.mutate('all')}
                markError={markRead.error}
                close={close}
              />
            )}
          </Dialog>
        </Popover>
      </DialogTrigger>
      {/* Announced when the count changes (a new notification, or read in another tab). */}
      <span role="status" className="visually-hidden">
        {inbox.isSuccess && unread > 0 ? unreadText : ''}
      </span>
    </div>
  );
}

function Panel({
  userId,
  unread,
  onOpen,
  onMarkAll,
  markError,
  close,
}: {
  userId: string;
  unread: number;
  onOpen: (item: InboxItem) => void;
  onMarkAll: () => void;
  markError: unknown;
  close: () => void;
}) {
  const { t } = useTranslation('notifications');
  const inbox = useInfiniteQuery(inboxQuery(userId));
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="notifications-head">
        <Heading slot="title" level={2}>
          {t('menu.title')}
        </Heading>
        <button type="button" className="link-button" onClick={onMarkAll} disabled={unread === 0}>
          {t('menu.markAll')}
        </button>
      </div>
      <ErrorMessage error={markError} />
      {inbox.isPending ? (
        <p className="muted">{t('common:loading')}</p>
      ) : inbox.isError ? (
        <ErrorMessage error={inbox.error} />
      ) : items.length === 0 ? (
        <p className="muted">{t('menu.empty')}</p>
      ) : (
        <ul className="notifications-list">
          {items.map((item) => (
            <li key={item.id} className={item.read ? undefined : 'is-unread'}>
              <Entry item={item} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
      {inbox.hasNextPage && (
        <button
          type="button"
          className="button secondary"
          onClick={() => void inbox.fetchNextPage()}
          disabled={inbox.isFetchingNextPage}
        >
          {t('common:actions.loadMore')}
        </button>
      )}
      <p className="notifications-foot">
        <Link to="/account#notification-preferences" onClick={close}>
          {t('menu.settings')}
        </Link>
      </p>
    </>
  );
}

/** What happened, in words: by kind, else by the preference it belongs to. */
function useTitle() {
  const { t } = useTranslation('notifications');
  return (item: InboxItem): string => {
    if (item.kind === 'comment_reply')
      return item.actor ? t('kinds.comment_reply', { name: item.actor }) : t('kinds.comment_reply_removed');
    if (item.kind === 'new_contribution' && item.actor) return t('kinds.new_contribution', { name: item.actor });
    const fallback = item.preference ? t(`preferences.${item.preference}`) : t('kinds.other');
    return t(`kinds.${item.kind}`, { defaultValue: fallback });
  };
}

function Entry({ item, onOpen }: { item: InboxItem; onOpen: (item: InboxItem) => void }) {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const title = useTitle();
  const body = (
    <>
      <span className="notification-title">
        {!item.read && <span className="visually-hidden">{`${t('menu.unreadItem')}: `}</span>}
        {title(item)}
      </span>
      {item.space && (
        <span className="notification-space">
          {item.space.code} — {item.space.title}
        </span>
      )}
      {item.removed ? (
        <span className="notification-text muted">{t('menu.removed')}</span>
      ) : (
        item.text && <span className="notification-text">{item.text}</span>
      )}
      <time dateTime={item.createdAt} className="notification-time">
        {format.relative(item.createdAt)}
      </time>
    </>
  );
  if (item.url)
    return (
      <Link to={item.url} className="notification-entry" onClick={() => onOpen(item)}>
        {body}
      </Link>
    );
  return (
    <button type="button" className="notification-entry" onClick={() => onOpen(item)}>
      {body}
    </button>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" className="bell-icon">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
