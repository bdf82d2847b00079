// The frame's line about the device's outbox: the offline banner, how many items wait to be sent
// or need the user (a link to the queue page), and a warning when the device is short of storage.
// Mounting it also starts the outbox's sending (lib/outbox/use-outbox.ts) and keeps the forms' data
// on the device (lib/offline-data).
import { NavLink } from 'react-router';
import { useT } from '../i18n/I18nProvider';
import { formatNumber } from '../i18n/format';
import { hasPermission, useMe, useSession } from '../lib/session';
import { useOfflineData } from '../lib/offline-data/offline-data';
import { useOnline, useOutboxItems, useOutboxSync, useStorageLow } from '../lib/outbox/use-outbox';

export const OUTBOX_PATH = '/outbox';

export function OfflineStatus() {
  const t = useT();
  const me = useMe();
  const { state } = useSession();
  const items = useOutboxItems(me.userId);
  useOutboxSync(me.userId, items, state.status === 'signed-in' && !state.offline);
  useOfflineData(me.userId, hasPermission(me, 'record:write'));
  const online = useOnline();
  const storageLow = useStorageLow();
  const waiting = items?.filter((i) => i.state === 'waiting' || i.state === 'sending').length ?? 0;
  const attention = items?.filter((i) => i.state === 'attention').length ?? 0;
  if (online && !storageLow && waiting === 0 && attention === 0) return null;

  return (
    <div className="offline-status" data-testid="offline-status">
      {!online && (
        <p className="offline-banner" role="status">
          {t('frame.offline')}
        </p>
      )}
      {storageLow && (
        <p className="offline-banner" role="alert">
          {t('frame.storageLow')}
        </p>
      )}
      {(waiting > 0 || attention > 0) && (
        <NavLink to={OUTBOX_PATH} className="outbox-count" data-testid="outbox-count">
          {waiting > 0 && t('frame.outboxWaiting', { count: formatNumber(waiting) })}
          {waiting > 0 && attention > 0 && ' · '}
          {attention > 0 && t('frame.outboxAttention', { count: formatNumber(attention) })}
        </NavLink>
      )}
    </div>
  );
}
