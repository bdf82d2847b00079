// A new record. It goes through the device's outbox (lib/outbox): queued with its Idempotency-Key,
// then sent at once. Online it lands on the record's page as before; without a connection it stays
// on the device ("Đã lưu trên máy"), the form starts afresh for the next record, and the outbox sends
// it when the connection returns — once, whatever is cut. A refused record (400) stays bound to this
// form with the field named; opened from the queue page (?outbox=id) the form is that item's.
// What is typed is kept as a draft on the device, so a reload or a restart gives it back.
import { useEffect, useState, type ChangeEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/Status';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../lib/session';
import { ATTACHMENT_ACCEPT } from '../../lib/attachments';
import { clearDraft, loadDraft, useDraftSaver } from '../../lib/outbox/drafts';
import {
  dropItem,
  enqueue,
  getOutboxItem,
  listOutbox,
  OutboxLimitError,
  replaceFromForm,
  type OutboxItem,
} from '../../lib/outbox/outbox';
import { sendOutbox } from '../../lib/outbox/use-outbox';
import { useReferenceAsOf } from '../../lib/offline-data/offline-data';
import { RecordForm } from './form/RecordForm';
import { emptyRecordForm, type CreateRecordBody, type RecordFormState } from './form/record-form-state';
import { activityChoice } from '../../components/pickers/ActivityPicker';
import { prefetchRecordFormData } from './record-queries';
import { useRecordsT } from './use-records-t';
import './records.css';

const DRAFT = 'record-new';

type Start =
  { from: 'new' } | { from: 'draft'; state: RecordFormState; savedAt: string } | { from: 'outbox'; item: OutboxItem };

/** Where the form starts: the queued item it was opened for, the draft kept on the device, or empty. */
async function loadStart(userId: number, outboxId: number | null): Promise<Start> {
  if (outboxId) {
    const item = await getOutboxItem(outboxId);
    if (item && item.userId === userId && item.kind === 'record.create' && !item.applied)
      return { from: 'outbox', item };
  }
  const draft = await loadDraft(userId, DRAFT).catch(() => undefined);
  return draft ? { from: 'draft', state: draft.state as RecordFormState, savedAt: draft.savedAt } : { from: 'new' };
}

function problemError(item: OutboxItem): ApiError | null {
  const p = item.problem;
  return p ? new ApiError(p.status, p.code, p.message, p.field) : null;
}

export function RecordCreatePage() {
  const rt = useRecordsT();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const activityId = Number(params.get('activity')) || null;
  const outboxId = Number(params.get('outbox')) || null;
  const [start, setStart] = useState<Start | null>(null);
  const [round, setRound] = useState(0);
  const [itemId, setItemId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [queued, setQueued] = useState<{ title: string; count: number } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [draft, setDraft] = useState<RecordFormState | null>(null);
  const asOf = useReferenceAsOf();
  const queryClient = useQueryClient();
  const preset = useQuery({
    queryKey: ['/api/activities/{id}', activityId],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}', { params: { path: { id: activityId! } }, signal })),
    enabled: activityId !== null,
  });

  // The form's lists in one request, asked before the form (and its pickers) mount.
  useEffect(() => prefetchRecordFormData(queryClient), [queryClient]);

  useEffect(() => {
    let live = true;
    void loadStart(me.userId, outboxId).then((loaded) => {
      if (!live) return;
      setStart(loaded);
      if (loaded.from === 'outbox') {
        setItemId(loaded.item.id);
        setError(problemError(loaded.item));
      }
    });
    return () => {
      live = false;
    };
  }, [me.userId, outboxId]);

  // A queued item's form is the item itself; only a new record's typing is kept as the draft.
  useDraftSaver(me.userId, DRAFT, itemId === null ? draft : null);

  function emptyForm(): RecordFormState {
    const initial = emptyRecordForm({
      organiser: { id: me.agency.id, name: me.agency.name, shortName: me.agency.shortName },
      provinceCode: me.provinces.length === 1 ? me.provinces[0]!.code : '',
    });
    if (preset.data) {
      initial.activity = activityChoice(preset.data);
      if (preset.data.plan.kind === 'provincial' && preset.data.plan.provinceCode)
        initial.place = { generation: 2025, provinceCode: preset.data.plan.provinceCode, commune: null };
    }
    return initial;
  }

  const [initial, setInitial] = useState<RecordFormState | null>(null);
  const formInitial =
    initial ??
    (start?.from === 'outbox'
      ? (start.item.form as RecordFormState)
      : start?.from === 'draft' && round === 0
        ? start.state
        : null);

  function startAfresh() {
    setInitial(emptyForm());
    setRound((r) => r + 1);
    setItemId(null);
    setFiles([]);
    setDraft(null);
    setStart({ from: 'new' });
    void clearDraft(me.userId, DRAFT).catch(() => undefined);
  }

  async function save(body: CreateRecordBody, state: RecordFormState) {
    setBusy(true);
    setError(null);
    setQueued(null);
    try {
      let id = itemId;
      if (id !== null) await replaceFromForm(id, { label: body.title, body, form: state });
      else {
        id = (await enqueue({ userId: me.userId, kind: 'record.create', label: body.title, body, form: state, files }))
          .id;
        setItemId(id);
      }
      await clearDraft(me.userId, DRAFT).catch(() => undefined);
      await sendOutbox(me.userId);
      const item = await getOutboxItem(id);
      if (item?.state === 'sent' && item.recordId) {
        // Seen sent by the user: it need not stay on the queue page.
        await dropItem(id);
        void navigate(`/records/${item.recordId}`, { replace: true, state: { notice: 'created' } });
        return;
      }
      if (item?.state === 'attention') {
        setError(problemError(item));
        return;
      }
      const count = (await listOutbox(me.userId)).filter((i) => i.state === 'waiting' || i.state === 'sending').length;
      startAfresh();
      setQueued({ title: body.title, count });
    } catch (failure) {
      setError(failure instanceof OutboxLimitError ? new ApiError(400, 'files', failure.message, 'files') : failure);
    } finally {
      setBusy(false);
    }
  }

  function pickFiles(event: ChangeEvent<HTMLInputElement>) {
    setFiles([...(event.target.files ?? [])]);
  }

  let content;
  if (activityId && preset.error && start?.from === 'new')
    content = <ErrorNotice error={preset.error} onRetry={() => void preset.refetch()} />;
  else if (start === null || (activityId && preset.data === undefined && !preset.error && start.from === 'new'))
    content = <Loading />;
  else {
    const fileError = error instanceof ApiError && error.field === 'files' ? error.message : undefined;
    content = (
      <RecordForm
        key={`${round}-${start.from}`}
        initial={formInitial ?? emptyForm()}
        submitLabel={rt('form.create')}
        busy={busy}
        error={fileError ? null : error}
        onStateChange={setDraft}
        notice={
          <>
            {queued && (
              <p className="notice notice-success" role="status" data-testid="record-queued">
                {rt('form.queued', { title: queued.title, count: String(queued.count) })}{' '}
                <Link to="/outbox">{rt('form.outboxLink')}</Link>
              </p>
            )}
            {start.from === 'outbox' && <p className="notice notice-warning">{rt('form.fromOutbox')}</p>}
            {start.from === 'draft' && round === 0 && (
              <p className="notice notice-info" data-testid="draft-restored">
                {rt('form.draftRestored', { date: formatDateTime(start.savedAt) })}{' '}
                <button type="button" className="button button-small" onClick={startAfresh}>
                  {rt('form.discardDraft')}
                </button>
              </p>
            )}
          </>
        }
        extra={
          start.from !== 'outbox' && (
            <Field id="rec-files" label={rt('form.files')} error={fileError}>
              <input id="rec-files" type="file" multiple accept={ATTACHMENT_ACCEPT} onChange={pickFiles} />
            </Field>
          )
        }
        onSubmit={(body, state) => void save(body, state)}
        onCancel={() => void navigate(-1)}
      />
    );
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/records">← {rt('records.backToList')}</Link>
      </p>
      <h1>{rt('records.new')}</h1>
      {asOf !== undefined && (
        <p className="page-intro" data-testid="reference-as-of">
          {rt('form.referenceAsOf', { date: formatDateTime(new Date(asOf).toISOString()) })}
        </p>
      )}
      {content}
    </div>
  );
}
