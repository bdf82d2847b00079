// One recommendation as its readers see it: addressee, due date, follow-up status (overdue
// highlighted: computed by the server from the due date), what the addressee reported, evidence
// files; and, for the addressee, the form to report progress or close it.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/Status';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { ATTACHMENT_ACCEPT, fileForm, MAX_ATTACHMENT_BYTES } from '../../lib/attachments';
import type { RecommendationView } from './shared';
import { useMonitoringT } from './use-monitoring-t';

export function StatusBadge({ rec }: { rec: Pick<RecommendationView, 'displayStatus'> }) {
  const mt = useMonitoringT();
  return <span className={`badge mon-status-${rec.displayStatus}`}>{mt(`status.${rec.displayStatus}`)}</span>;
}

interface CardProps {
  rec: RecommendationView;
  onChange(rec: RecommendationView): void;
  /** Extra actions (edit, delete) the mission page adds for its editors. */
  actions?: ReactNode;
  showMission?: boolean;
}

export function RecommendationCard({ rec, onChange, actions, showMission = true }: CardProps) {
  const mt = useMonitoringT();
  const [open, setOpen] = useState(false);
  const canFollow = rec.allowedActions.includes('follow_up');
  return (
    <article className={rec.overdue ? 'mon-rec is-overdue' : 'mon-rec'} aria-label={rec.text}>
      <header className="mon-rec-head">
        <StatusBadge rec={rec} />
        <span className={rec.overdue ? 'mon-due is-overdue' : 'mon-due'}>
          {mt('rec.due', { date: formatDate(rec.dueDate) })}
        </span>
        {rec.closedOn && <span className="muted">{mt('rec.closedOn', { date: formatDate(rec.closedOn) })}</span>}
      </header>
      <p className="mon-rec-text mon-prewrap">{rec.text}</p>
      <p className="mon-small muted">
        {mt('rec.to', { name: rec.addressee.name })}
        {showMission && (
          <>
            {' · '}
            <Link to={`/missions/${rec.mission.id}`}>{rec.mission.title}</Link>
          </>
        )}
      </p>
      {rec.evidence && (
        <p className="mon-evidence">
          <strong>{mt('rec.evidence')}:</strong> <span className="mon-prewrap">{rec.evidence}</span>
        </p>
      )}
      {rec.files.length > 0 && (
        <ul className="mon-files" aria-label={mt('rec.files')}>
          {rec.files.map((f) => (
            <li key={f.id}>
              <a href={`/api/recommendations/${rec.id}/files/${f.id}`} download={f.fileName}>
                {f.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      {rec.history.length > 0 && (
        <details className="mon-history">
          <summary>{mt('rec.history', { n: rec.history.length })}</summary>
          <ol>
            {rec.history.map((h, i) => (
              <li key={i}>
                <StatusBadge rec={{ displayStatus: h.status }} /> {formatDateTime(h.at)} · {h.by}
                {h.evidence && <span className="block mon-prewrap">{h.evidence}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      <div className="mon-row-actions">
        {canFollow && !open && (
          <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
            {mt('rec.followUp')}
          </button>
        )}
        {actions}
      </div>
      {canFollow && open && (
        <FollowUpForm
          rec={rec}
          onDone={(next) => {
            onChange(next);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </article>
  );
}

const STATUSES = ['open', 'in_progress', 'done'] as const;

function FollowUpForm({
  rec,
  onDone,
  onCancel,
}: {
  rec: RecommendationView;
  onDone(r: RecommendationView): void;
  onCancel(): void;
}) {
  const mt = useMonitoringT();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>(rec.status === 'open' ? 'in_progress' : rec.status);
  const [evidence, setEvidence] = useState('');
  const [file, setFile] = useState<{ file: File; key: string } | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = `fu-${rec.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let current = rec;
      if (file) {
        await unwrap(
          api.POST('/api/recommendations/{id}/files', {
            params: { path: { id: rec.id }, header: { 'idempotency-key': file.key } },
            // Multipart, which the OpenAPI spec does not describe: openapi-fetch sends FormData as is.
            body: fileForm(file.file) as never,
          }),
        );
        setFile(null);
        if (input.current) input.current.value = '';
        current = await unwrap(api.GET('/api/recommendations/{id}', { params: { path: { id: rec.id } } }));
      }
      const changed = status !== current.status || evidence.trim() !== '';
      onDone(
        changed
          ? await unwrap(
              api.POST('/api/recommendations/{id}/follow-up', {
                params: { path: { id: rec.id } },
                body: { status, evidence, version: current.version },
              }),
            )
          : current,
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="mon-inline-form mon-followup" onSubmit={(e) => void submit(e)} noValidate>
      {error !== null && !fieldError(error, 'evidence') && <ErrorNotice error={error} />}
      <fieldset className="mon-status-choice">
        <legend>{mt('rec.newStatus')}</legend>
        {STATUSES.map((s) => (
          <label key={s} className="checkbox-inline">
            <input type="radio" name={`${id}-status`} checked={status === s} onChange={() => setStatus(s)} />
            {mt(`status.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className={fieldError(error, 'evidence') ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-evidence`}>{mt('rec.evidenceLabel')}</label>
        <textarea id={`${id}-evidence`} rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        <small className="field-hint">{mt('rec.evidenceHint')}</small>
        {fieldError(error, 'evidence') && (
          <small className="field-error" role="alert">
            {fieldError(error, 'evidence')}
          </small>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{mt('rec.fileLabel')}</label>
        <input
          id={`${id}-file`}
          ref={input}
          type="file"
          accept={ATTACHMENT_ACCEPT}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            const big = chosen !== null && chosen.size > MAX_ATTACHMENT_BYTES;
            setTooBig(big);
            setFile(chosen && !big ? { file: chosen, key: newIdempotencyKey() } : null);
          }}
        />
        {tooBig && <small className="field-error">{mt('rec.fileTooBig')}</small>}
      </div>
      <div className="mon-row-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? mt('common.saving') : mt('rec.send')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {mt('common.cancel')}
        </button>
      </div>
    </form>
  );
}
