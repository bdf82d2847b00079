// The frame's bell: the unread count on every page and, when opened, the unread notifications, each
// a link to where to act (following one marks it read), one or all marked read. A disclosure
// button (aria-expanded) with its panel; Escape or a click elsewhere closes it, focus back on the bell.
import { useEffect, useId, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap, type components } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../i18n/format';
import './notification-bell.css';

type NotificationList = components['schemas']['NotificationList'];

const LIMIT = 10;
const listQuery = { unread: true, limit: LIMIT } as const;
const listKey = ['/api/notifications', listQuery] as const;

export function NotificationBell() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useQuery({
    queryKey: listKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/notifications', { params: { query: listQuery }, signal })),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const unread = list.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  // The answer of a mark is the whole list again: shown at once, and every other view of it refreshed.
  async function mark(request: Promise<NotificationList>) {
    const all = await request;
    queryClient.setQueryData<NotificationList>(listKey, {
      unread: all.unread,
      items: all.items.filter((n) => n.readAt === null).slice(0, LIMIT),
    });
    void queryClient.invalidateQueries({ queryKey: ['/api/notifications'], refetchType: 'inactive' });
    void queryClient.invalidateQueries({ queryKey: ['/api/me/work'] });
  }
  const markRead = (id: number) => mark(unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })));
  const markAll = () => mark(unwrap(api.POST('/api/notifications/read-all')));

  const items = list.data?.items ?? [];
  return (
    <div className="bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div id={panelId} className="bell-panel" hidden={!open} role="region" aria-label={t('bell.title')}>
        <div className="bell-head">
          <h2>{t('bell.title')}</h2>
          {unread > 0 && (
            <button type="button" className="bell-link-button" onClick={() => void markAll()}>
              {t('bell.markAllRead')}
            </button>
          )}
        </div>
        {list.isError && <p className="bell-empty">{t('bell.failed')}</p>}
        {list.isSuccess && items.length === 0 && <p className="bell-empty">{t('bell.empty')}</p>}
        {items.length > 0 && (
          <ul className="bell-list" data-testid="notification-list">
            {items.map((n) => (
              <li key={n.id}>
                {n.link ? (
                  <Link
                    to={n.link}
                    className="bell-item-title"
                    onClick={() => {
                      setOpen(false);
                      void markRead(n.id);
                    }}
                  >
                    {n.title}
                  </Link>
                ) : (
                  <strong className="bell-item-title">{n.title}</strong>
                )}
                {n.body && <p className="bell-item-body">{n.body}</p>}
                <div className="bell-item-foot">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  <button type="button" className="bell-link-button" onClick={() => void markRead(n.id)}>
                    {t('bell.markRead')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {unread > items.length && <p className="bell-more">{t('bell.more', { count: unread - items.length })}</p>}
      </div>
    </div>
  );
}
