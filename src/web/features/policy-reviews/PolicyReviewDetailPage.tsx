// One document of the register: its deadline state, and for the receiving agency or the assignee
// the response (text, the file sent, the date it was sent). Sending counts in indicator GS02.
import { useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorNotice, QueryView } from '../../components/Status';
import { formatDate } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { ATTACHMENT_ACCEPT, fileForm, MAX_ATTACHMENT_BYTES } from '../../lib/attachments';
import { DeadlineCell } from './PolicyReviewsPage';
import { reviewKey, useReviewsT, type ReviewView } from './shared';
import '../../styles/monitoring.css';
import { useConfirm } from '../../components/ConfirmDialog';

export function PolicyReviewDetailPage() {
  const { confirm: ask, dialog } = useConfirm();
  const rt = useReviewsT();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const queryClient = useQueryClient();
  const review = useQuery({
    queryKey: reviewKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/policy-reviews/{id}', { params: { path: { id } }, signal })),
  });
  const [error, setError] = useState<unknown>(null);

  async function remove(r: ReviewView) {
    if (!(await ask(rt('detail.confirmDelete')))) return;
    try {
      await api.DELETE('/api/policy-reviews/{id}', { params: { path: { id: r.id } } });
      queryClient.removeQueries({ queryKey: reviewKey(r.id) });
      // The register opens without the deleted document.
      await queryClient.invalidateQueries({ queryKey: ['/api/policy-reviews'], refetchType: 'all' });
      void navigate('/policy-reviews');
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <div className="page page-narrow">
      {dialog}
      <p className="back-link">
        <Link to="/policy-reviews">← {rt('register.backToList')}</Link>
      </p>
      {notice && (
        <p className="notice notice-success" role="status">
          {rt(notice === 'created' ? 'detail.created' : 'detail.saved')}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <QueryView state={review}>
        {(r) => (
          <>
            <h1>{r.title}</h1>
            <p className="mon-actions">
              <span className="badge badge-new">{rt(`kind.${r.kind}`)}</span>
              <span className="badge">{rt(`type.${r.reviewType}`)}</span>
              {r.allowedActions.includes('edit') && (
                <Link className="button button-secondary" to={`/policy-reviews/${r.id}/edit`}>
                  {rt('detail.edit')}
                </Link>
              )}
              {r.allowedActions.includes('delete') && (
                <button type="button" className="button button-danger" onClick={() => void remove(r)}>
                  {rt('detail.delete')}
                </button>
              )}
            </p>
            <dl className="facts panel">
              <div>
                <dt>{rt('form.requestingAgency')}</dt>
                <dd>
                  {r.requestingAgency}
                  {r.requestNumber && <small className="block muted">{r.requestNumber}</small>}
                </dd>
              </div>
              <div>
                <dt>{rt('form.receivedOn')}</dt>
                <dd>{formatDate(r.receivedOn)}</dd>
              </div>
              <div>
                <dt>{rt('form.deadline')}</dt>
                <dd>
                  <DeadlineCell review={r} />
                </dd>
              </div>
              <div>
                <dt>{rt('form.agency')}</dt>
                <dd>{r.agency.name}</dd>
              </div>
              <div>
                <dt>{rt('form.assignee')}</dt>
                <dd>{r.assignee?.name ?? '—'}</dd>
              </div>
              <div className="mon-fact-wide">
                <dt>{rt('form.activity')}</dt>
                <dd>
                  <Link to={`/plans/${r.activity.planId}`}>
                    {r.activity.number}. {r.activity.title}
                  </Link>
                  <small className="block muted">{r.activity.planTitle}</small>
                </dd>
              </div>
            </dl>
            <ResponsePanel
              review={r}
              onSaved={(next) => {
                queryClient.setQueryData(reviewKey(id), next);
                void queryClient.invalidateQueries({ queryKey: ['/api/policy-reviews'] });
              }}
            />
          </>
        )}
      </QueryView>
    </div>
  );
}

function ResponsePanel({ review, onSaved }: { review: ReviewView; onSaved(r: ReviewView): void }) {
  const { confirm: ask, dialog } = useConfirm();
  const rt = useReviewsT();
  const editable = review.allowedActions.includes('respond');
  const [text, setText] = useState(review.responseText);
  const [sentOn, setSentOn] = useState(review.sentOn ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tooBig, setTooBig] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await unwrap(
          api.POST('/api/policy-reviews/{id}/response', {
            params: { path: { id: review.id } },
            body: { responseText: text, sentOn: sentOn || null, version: review.version },
          }),
        ),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      // Multipart, which the OpenAPI spec does not describe: openapi-fetch sends FormData as is.
      onSaved(
        await unwrap(
          api.POST('/api/policy-reviews/{id}/file', {
            params: { path: { id: review.id } },
            body: fileForm(file) as never,
          }),
        ),
      );
      if (input.current) input.current.value = '';
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function removeFile() {
    if (!(await ask(rt('response.confirmRemoveFile')))) return;
    setError(null);
    try {
      onSaved(await unwrap(api.DELETE('/api/policy-reviews/{id}/file', { params: { path: { id: review.id } } })));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="panel" aria-labelledby="response-title">
      {dialog}
      <h2 id="response-title">{rt('response.title')}</h2>
      {error !== null && !fieldError(error, 'responseText') && !fieldError(error, 'sentOn') && (
        <ErrorNotice error={error} />
      )}
      {review.sentOn && (
        <p className="notice notice-success">
          {rt('response.sentOn', { date: formatDate(review.sentOn) })}
          {review.recordId && (
            <>
              {' '}
              <Link to={`/records/${review.recordId}`}>{rt('response.record')}</Link>
            </>
          )}
        </p>
      )}
      {review.file ? (
        <p>
          {rt('response.file')}:{' '}
          <a href={`/api/policy-reviews/${review.id}/file`} download={review.file.fileName}>
            {review.file.fileName}
          </a>
          {editable && (
            <>
              {' '}
              <button type="button" className="button button-small" onClick={() => void removeFile()}>
                {rt('response.removeFile')}
              </button>
            </>
          )}
        </p>
      ) : (
        !editable && <p className="muted">{rt('response.noFile')}</p>
      )}
      {!editable ? (
        <p className="mon-prewrap">{review.responseText || <span className="muted">{rt('response.none')}</span>}</p>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate>
          <div className={fieldError(error, 'responseText') ? 'field has-error' : 'field'}>
            <label htmlFor="response-text">{rt('response.text')}</label>
            <textarea id="response-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
            {fieldError(error, 'responseText') && (
              <small className="field-error" role="alert">
                {fieldError(error, 'responseText')}
              </small>
            )}
          </div>
          <div className="field">
            <label htmlFor="response-file">
              {review.file ? rt('response.replaceFile') : rt('response.attachFile')}
            </label>
            <input
              id="response-file"
              ref={input}
              type="file"
              accept={ATTACHMENT_ACCEPT}
              disabled={busy}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                const big = chosen !== undefined && chosen.size > MAX_ATTACHMENT_BYTES;
                setTooBig(big);
                if (chosen && !big) void upload(chosen);
              }}
            />
            {tooBig && <small className="field-error">{rt('response.fileTooBig')}</small>}
          </div>
          <div className={fieldError(error, 'sentOn') ? 'field has-error' : 'field'}>
            <label htmlFor="response-sent">{rt('response.sentDate')}</label>
            <DateField id="response-sent" value={sentOn} onChange={setSentOn} />
            <small className="field-hint">{rt('response.sentHint')}</small>
            {fieldError(error, 'sentOn') && (
              <small className="field-error" role="alert">
                {fieldError(error, 'sentOn')}
              </small>
            )}
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? rt('common.saving') : rt('response.save')}
          </button>
        </form>
      )}
    </section>
  );
}
