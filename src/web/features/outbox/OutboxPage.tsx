// "Hàng chờ gửi": every item of the device's outbox with its state, and what the user decides for
// those the server refused — a conflicting edit shown mine beside the server's, a refused record
// taken back to its form with the field named. Nothing is dropped without the user asking.
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { formatMoney } from '../../lib/money';
import { useMe } from '../../lib/session';
import { clearSent, dropItem, retryItem, sendMineOver, type OutboxItem } from '../../lib/outbox/outbox';
import { sendOutbox, useOutboxItems } from '../../lib/outbox/use-outbox';
import { Loading } from '../../components/Status';
import { compareVersions } from './compare';
import { useOutboxT } from './use-outbox-t';
import './outbox.css';
import { useConfirm } from '../../components/ConfirmDialog';

type OutboxT = ReturnType<typeof useOutboxT>;

function formPath(item: OutboxItem): string {
  return item.kind === 'record.update'
    ? `/records/${item.recordId}/edit?outbox=${item.id}`
    : `/records/new?outbox=${item.id}`;
}

function Comparison({ item, ot }: { item: OutboxItem; ot: OutboxT }) {
  const server = item.problem?.server as { version?: number } | undefined;
  if (!server) return null;
  return (
    <table className="table outbox-compare">
      <thead>
        <tr>
          <th scope="col">{ot('outbox.compare.field')}</th>
          <th scope="col">{ot('outbox.compare.mine')}</th>
          <th scope="col">{ot('outbox.compare.server', { version: String(server.version ?? '') })}</th>
        </tr>
      </thead>
      <tbody>
        {compareVersions(item.body, server).map((row) => {
          const show = (v: string) => (row.key === 'costs' ? formatMoney(v) : v);
          return (
            <tr key={row.key} className={row.differs ? 'outbox-differs' : undefined}>
              <th scope="row">{ot(`outbox.compare.${row.key}`)}</th>
              <td>{show(row.mine)}</td>
              <td>{show(row.server)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Attention({ item, ot }: { item: OutboxItem; ot: OutboxT }) {
  const problem = item.problem!;
  const server = problem.server as { version?: number } | undefined;
  const { confirm, dialog } = useConfirm();
  const drop = async () => {
    if (await confirm(ot('outbox.confirmDrop'), { danger: true })) await dropItem(item.id);
  };
  const conflict = problem.status === 409 && item.kind === 'record.update' && server?.version !== undefined;
  const locked = problem.status === 423;
  return (
    <div className="notice notice-warning outbox-attention">
      {dialog}
      <p>{conflict ? ot('outbox.conflict') : locked ? ot('outbox.locked') : problem.message}</p>
      {!conflict && !locked && problem.field && <p>{ot('outbox.field', { field: problem.field })}</p>}
      <Comparison item={item} ot={ot} />
      <p className="outbox-actions">
        {conflict && (
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => void sendMineOver(item.id, server.version!).then(() => sendOutbox(item.userId))}
          >
            {ot('outbox.sendMine')}
          </button>
        )}
        {locked && (
          <button
            type="button"
            className="button button-small"
            onClick={() => void retryItem(item.id).then(() => sendOutbox(item.userId))}
          >
            {ot('outbox.retry')}
          </button>
        )}
        {!conflict && !locked && !item.applied && (
          <Link className="button button-primary button-small" to={formPath(item)}>
            {ot('outbox.fix')}
          </Link>
        )}
        <button type="button" className="button button-secondary button-small" onClick={() => void drop()}>
          {ot('outbox.dropMine')}
        </button>
      </p>
    </div>
  );
}

function ItemRow({ item, ot }: { item: OutboxItem; ot: OutboxT }) {
  const files = item.files.length;
  return (
    <li className={`outbox-item outbox-${item.state}`} data-testid="outbox-item">
      <div className="outbox-head">
        <span className={`badge outbox-badge outbox-badge-${item.state}`}>{ot(`outbox.state.${item.state}`)}</span>
        <strong>{item.label}</strong>
        <span className="outbox-meta">
          {ot(`outbox.kind.${item.kind}`)} · {ot('outbox.queuedAt', { date: formatDateTime(item.queuedAt) })}
          {item.sentAt && <> · {ot('outbox.sentAt', { date: formatDateTime(item.sentAt) })}</>}
          {files > 0 && <> · {ot('outbox.files', { count: formatNumber(files) })}</>}
        </span>
        {item.state === 'sent' && item.recordId && (
          <Link to={`/records/${item.recordId}`}>{ot('outbox.openRecord')}</Link>
        )}
      </div>
      {item.state === 'waiting' && item.lastError && (
        <p className="outbox-meta">{ot('outbox.lastError', { message: item.lastError })}</p>
      )}
      {item.state === 'attention' && item.problem && <Attention item={item} ot={ot} />}
    </li>
  );
}

export function OutboxPage() {
  const ot = useOutboxT();
  const me = useMe();
  const items = useOutboxItems(me.userId);
  const anySent = items?.some((i) => i.state === 'sent');
  const anyWaiting = items?.some((i) => i.state === 'waiting');
  return (
    <div className="page">
      <h1>{ot('outbox.title')}</h1>
      <p className="page-intro">{ot('outbox.intro')}</p>
      <p className="outbox-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!anyWaiting}
          onClick={() => void sendOutbox(me.userId)}
        >
          {ot('outbox.sendNow')}
        </button>
        {anySent && (
          <button type="button" className="button button-secondary" onClick={() => void clearSent(me.userId)}>
            {ot('outbox.clearSent')}
          </button>
        )}
      </p>
      {items === undefined ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="notice notice-empty">{ot('outbox.empty')}</p>
      ) : (
        <ol className="outbox-list">
          {items.map((item) => (
            <ItemRow key={item.id} item={item} ot={ot} />
          ))}
        </ol>
      )}
    </div>
  );
}
