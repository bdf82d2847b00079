// Editing a record: the form filled from the saved record, sent with the version that was read,
// through the device's outbox (its Idempotency-Key makes a resend after a lost answer harmless).
// If someone saved in between, the server answers 409 and the user's changes stay on screen and in
// the queue page, beside the server's version. Without a connection the edit waits on the device.
// Opened from the queue page (?outbox=id), the form is that refused item's.
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { useMe } from '../../lib/session';
import { dropItem, enqueue, getOutboxItem, replaceFromForm, type OutboxItem } from '../../lib/outbox/outbox';
import { sendOutbox } from '../../lib/outbox/use-outbox';
import { QueryView } from '../../components/Status';
import { RecordForm } from './form/RecordForm';
import { formFromRecord, type CreateRecordBody, type RecordFormState } from './form/record-form-state';
import { ethnicGroupsQuery } from '../../lib/reference';
import { prefetchRecordFormData, recordSaved } from './record-queries';
import { useRecordsT } from './use-records-t';
import './records.css';

async function loadForEdit(queryClient: QueryClient, id: number, signal: AbortSignal) {
  prefetchRecordFormData(queryClient);
  const record = await unwrap(api.GET('/api/records/{id}', { params: { path: { id } }, signal }));
  const groups = await queryClient.ensureQueryData(ethnicGroupsQuery);
  const names = new Map(groups.map((g) => [g.id, g.name]));
  let placeProvinceCode = record.place?.level === 'province' ? record.place.code : (record.provinceCode ?? '');
  // An old-geography commune's province is its old province, which the record does not carry.
  if (record.place && record.place.level !== 'province') {
    const unit = await unwrap(
      api.GET('/api/admin-units/{generation}/{code}', {
        params: { path: { generation: record.place.generation as 2024 | 2025, code: record.place.code } },
        signal,
      }),
    );
    placeProvinceCode = unit.provinceCode ?? placeProvinceCode;
  }
  return {
    record,
    form: formFromRecord(record, { ethnicName: (g) => names.get(g) ?? String(g), placeProvinceCode }),
  };
}

function problemError(item: OutboxItem): ApiError | null {
  const p = item.problem;
  return p ? new ApiError(p.status, p.code, p.message, p.field) : null;
}

export function RecordEditPage() {
  const rt = useRecordsT();
  const me = useMe();
  const id = Number(useParams().id);
  const outboxId = Number(useSearchParams()[0].get('outbox')) || null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [queuedItem, setQueuedItem] = useState<OutboxItem | null>(null);
  const [itemId, setItemId] = useState<number | null>(null);
  const [queued, setQueued] = useState(false);
  const query = useQuery({
    queryKey: ['record-form', id],
    queryFn: ({ signal }) => loadForEdit(queryClient, id, signal),
    enabled: outboxId === null,
  });

  useEffect(() => {
    if (outboxId === null) return;
    let live = true;
    void getOutboxItem(outboxId).then((item) => {
      if (!live || !item || item.userId !== me.userId || item.recordId !== id) return;
      setQueuedItem(item);
      setItemId(item.id);
      setError(problemError(item));
    });
    return () => {
      live = false;
    };
  }, [outboxId, me.userId, id]);
  // The form starts from the record as the server has it now, never from a copy kept since an
  // earlier visit (its version would be refused as stale).
  const loaded = { ...query, data: query.isFetchedAfterMount ? query.data : undefined };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  async function save(version: number, body: CreateRecordBody, state: RecordFormState) {
    setBusy(true);
    setError(null);
    setQueued(false);
    try {
      let queuedId = itemId;
      if (queuedId !== null) await replaceFromForm(queuedId, { label: body.title, body, form: state });
      else {
        queuedId = (
          await enqueue({
            userId: me.userId,
            kind: 'record.update',
            label: body.title,
            recordId: id,
            version,
            body,
            form: state,
          })
        ).id;
        setItemId(queuedId);
      }
      await sendOutbox(me.userId);
      const item = await getOutboxItem(queuedId);
      if (item?.state === 'sent') {
        await dropItem(queuedId);
        const saved = await unwrap(api.GET('/api/records/{id}', { params: { path: { id } } })).catch(() => null);
        if (saved) recordSaved(queryClient, saved);
        void navigate(`/records/${id}`, { replace: true, state: { notice: 'saved' } });
        return;
      }
      if (item?.state === 'attention' && item.problem?.status === 409) setConflict(true);
      else if (item?.state === 'attention') setError(problemError(item));
      else setQueued(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  /** The user keeps the server's version: their queued edit goes, the form reloads. */
  async function dropMine() {
    if (itemId !== null) await dropItem(itemId);
    setItemId(null);
    setConflict(false);
    void query.refetch();
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to={`/records/${id}`}>← {rt('records.backToRecord')}</Link>
      </p>
      <h1>{rt('records.edit')}</h1>
      {queued && (
        <p className="notice notice-success" role="status" data-testid="record-queued">
          {rt('form.queuedEdit')} <Link to="/outbox">{rt('form.outboxLink')}</Link>
        </p>
      )}
      {outboxId !== null ? (
        queuedItem && (
          <RecordForm
            initial={queuedItem.form as RecordFormState}
            submitLabel={rt('form.save')}
            busy={busy}
            error={error}
            notice={<p className="notice notice-warning">{rt('form.fromOutbox')}</p>}
            onSubmit={(body, state) => void save(queuedItem.version!, body, state)}
            onCancel={() => void navigate('/outbox')}
          />
        )
      ) : (
        <QueryView state={loaded}>
          {(data) =>
            data.record.allowedActions.includes('edit') ? (
              <RecordForm
                key={data.record.version}
                initial={data.form}
                submitLabel={rt('form.save')}
                busy={busy}
                error={error}
                notice={
                  conflict && (
                    <div className="notice notice-warning" role="alert">
                      <p>{rt('form.conflict')}</p>
                      <p className="rec-actions">
                        <Link to={`/records/${id}`} target="_blank" rel="noopener">
                          {rt('form.conflictView')}
                        </Link>
                        <Link to="/outbox">{rt('form.conflictQueue')}</Link>
                        <button type="button" className="button button-small" onClick={() => void dropMine()}>
                          {rt('form.conflictReload')}
                        </button>
                      </p>
                    </div>
                  )
                }
                onSubmit={(body, state) => void save(data.record.version, body, state)}
                onCancel={() => void navigate(`/records/${id}`)}
              />
            ) : (
              <p className="notice notice-warning">{rt('records.readOnly')}</p>
            )
          }
        </QueryView>
      )}
    </div>
  );
}
