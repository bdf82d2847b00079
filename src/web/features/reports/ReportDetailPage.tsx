// One report: its period, deadline and status; the narrative the unit writes; the pre-filled
// tables (indicators, activities, records, models; the provinces of a national report); the
// workflow steps the server allows (submit, approve, return or reopen with a comment); the report
// as a Decree 30 .docx and its tables as .xlsx to download.
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FoldingPanel } from '../../components/FoldingPanel';
import { ErrorNotice, QueryView } from '../../components/Status';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { StatusBadge } from './ReportTabs';
import { formatFigure, formatPercent, type ReportView } from './shared';
import { useReportsT } from './use-reports-t';
import './reports.css';
import { useConfirm } from '../../components/ConfirmDialog';
import { PrintButton } from '../../components/PrintButton';

type Narrative = ReportView['narrative'];
const NARRATIVE: (keyof Narrative)[] = ['results', 'difficulties', 'lessons', 'proposals'];

export function ReportDetailPage() {
  const rt = useReportsT();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const report = useQuery({
    queryKey: ['/api/reports/{id}', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/reports/{id}', { params: { path: { id } }, signal })),
  });
  // A workflow step or a save answers with the report; the lists and the consolidation ask again.
  const showSaved = (next: ReportView) => {
    queryClient.setQueryData(['/api/reports/{id}', id], next);
    void queryClient.invalidateQueries({ queryKey: ['/api/reports'] });
    void queryClient.invalidateQueries({ queryKey: ['/api/reports/consolidation'] });
  };
  return (
    <div className="page">
      <p className="back-link">
        <Link to="/reports">← {rt('detail.back')}</Link>
      </p>
      <QueryView state={report}>{(r) => <ReportBody report={r} onChange={showSaved} />}</QueryView>
    </div>
  );
}

function ReportBody({ report: r, onChange }: { report: ReportView; onChange(r: ReportView): void }) {
  const rt = useReportsT();
  return (
    <>
      <h1>
        {r.type.name} — {r.period.label}
      </h1>
      <PrintButton documentTitle={`${r.type.name} — ${r.period.label} — ${r.agency.name}`} />
      <p className="rep-actions">
        <StatusBadge status={r.status} late={r.late} />
        <a className="button" href={`/api/reports/${r.id}/export.docx`} download>
          {rt('detail.docx')}
        </a>
        <a className="button" href={`/api/reports/${r.id}/export.xlsx`} download>
          {rt('detail.xlsx')}
        </a>
      </p>
      <dl className="facts panel">
        <div>
          <dt>{rt('detail.agency')}</dt>
          <dd>{r.agency.name}</dd>
        </div>
        <div>
          <dt>{rt('detail.recipient')}</dt>
          <dd>{r.recipient.name}</dd>
        </div>
        <div>
          <dt>{rt('detail.period')}</dt>
          <dd>
            {formatDate(r.period.start)} – {formatDate(r.period.end)}
          </dd>
        </div>
        <div>
          <dt>{rt('detail.due')}</dt>
          <dd className={r.late ? 'rep-late-text' : undefined}>{formatDate(r.dueDate)}</dd>
        </div>
      </dl>
      {r.status === 'approved' && <p className="notice notice-info">{rt('detail.locked')}</p>}
      <Workflow report={r} onChange={onChange} />
      <NarrativePanel report={r} onChange={onChange} />
      <Figures report={r} />
      <FoldingPanel title={rt('detail.history')} summary={formatNumber(r.events.length)}>
        <ol className="rep-history">
          {r.events.map((e, i) => (
            <li key={i}>
              <strong>{rt(`event.${e.action}` as 'event.create')}</strong> — {e.by ?? ''},{' '}
              <small>{formatDateTime(e.at)}</small>
              {e.comment && <span className="block rep-comment">{e.comment}</span>}
            </li>
          ))}
        </ol>
      </FoldingPanel>
    </>
  );
}

function Workflow({ report: r, onChange }: { report: ReportView; onChange(r: ReportView): void }) {
  const rt = useReportsT();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { confirm, dialog } = useConfirm();
  const steps = (['refresh', 'submit', 'approve', 'return', 'reopen'] as const).filter((a) =>
    r.allowedActions.includes(a),
  );
  if (steps.length === 0) return null;
  const decides = steps.some((s) => s === 'approve' || s === 'reopen');

  async function run(action: (typeof steps)[number]) {
    if (action === 'submit' && !(await confirm(rt('detail.confirmSubmit'), { confirmLabel: rt('detail.submit') })))
      return;
    setBusy(true);
    setError(null);
    try {
      const body = { version: r.version, ...(comment.trim() ? { comment } : {}) };
      const path = `/api/reports/{id}/${action}` as '/api/reports/{id}/submit';
      onChange(await unwrap(api.POST(path, { params: { path: { id: r.id } }, body })));
      setComment('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-label={rt('detail.workflow')}>
      {dialog}
      {error !== null && !fieldError(error, 'comment') && <ErrorNotice error={error} />}
      {decides && (
        <Field
          id="rep-comment"
          label={rt('detail.comment')}
          hint={rt('detail.commentHint')}
          error={fieldError(error, 'comment')}
        >
          <textarea id="rep-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
      )}
      <p className="rep-actions">
        {steps.map((action) => (
          <button
            key={action}
            type="button"
            disabled={busy}
            className={action === 'submit' || action === 'approve' ? 'button button-primary' : 'button'}
            onClick={() => void run(action)}
          >
            {rt(`detail.${action}`)}
          </button>
        ))}
      </p>
    </section>
  );
}

function NarrativePanel({ report: r, onChange }: { report: ReportView; onChange(r: ReportView): void }) {
  const rt = useReportsT();
  const editable = r.allowedActions.includes('edit');
  const [draft, setDraft] = useState<Narrative>(r.narrative);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setDraft(r.narrative), [r.narrative]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onChange(
        await unwrap(
          api.PUT('/api/reports/{id}', { params: { path: { id: r.id } }, body: { version: r.version, ...draft } }),
        ),
      );
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  if (!editable)
    return (
      <section className="panel" aria-labelledby="rep-narrative">
        <h2 id="rep-narrative">{rt('detail.narrative')}</h2>
        {NARRATIVE.map((k) => (
          <div key={k} className="rep-narrative">
            <h3>{rt(`detail.${k}`)}</h3>
            <p className="rep-prewrap">{r.narrative[k] || rt('detail.empty')}</p>
          </div>
        ))}
      </section>
    );
  return (
    <form className="panel" aria-labelledby="rep-narrative" onSubmit={(e) => void save(e)}>
      <h2 id="rep-narrative">{rt('detail.narrative')}</h2>
      {error !== null && !NARRATIVE.some((k) => fieldError(error, k)) && <ErrorNotice error={error} />}
      {NARRATIVE.map((k) => (
        <Field key={k} id={`rep-${k}`} label={rt(`detail.${k}`)} error={fieldError(error, k)}>
          <textarea
            id={`rep-${k}`}
            rows={k === 'results' ? 8 : 4}
            value={draft[k]}
            onChange={(e) => {
              setSaved(false);
              setDraft({ ...draft, [k]: e.target.value });
            }}
          />
          {/* Paper gets the whole text, not the box's visible lines (styles/print.css). */}
          <p className="print-only rep-prewrap">{draft[k] || rt('detail.empty')}</p>
        </Field>
      ))}
      <p className="rep-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? rt('common.saving') : rt('detail.save')}
        </button>
        {saved && (
          <span role="status" className="muted">
            {rt('detail.saved')}
          </span>
        )}
      </p>
    </form>
  );
}

function Figures({ report: r }: { report: ReportView }) {
  const rt = useReportsT();
  const f = r.figures;
  return (
    <>
      <p className="muted rep-small">
        {rt('detail.figuresAt')}: {formatDateTime(r.figuresAt)}. {rt('detail.figuresNote')}
      </p>
      <FoldingPanel title={rt('detail.indicators')} summary={formatNumber(f.indicators.length)}>
        <DataTable
          rows={f.indicators}
          rowKey={(i) => i.code}
          columns={[
            { key: 'code', header: rt('col.code'), cell: (i) => i.code },
            { key: 'name', header: rt('col.indicator'), cell: (i) => `${i.name} (${i.unit})` },
            { key: 'value', header: rt('col.value'), className: 'num', cell: (i) => formatFigure(i.value) },
            { key: 'target', header: rt('col.target'), className: 'num', cell: (i) => formatFigure(i.target) },
            { key: 'ach', header: rt('col.achievement'), className: 'num', cell: (i) => formatPercent(i.achievement) },
          ]}
        />
      </FoldingPanel>
      <FoldingPanel title={rt('detail.records')} summary={formatNumber(f.records.count)}>
        <p>
          {rt('detail.recordsSummary', {
            count: formatNumber(f.records.count),
            participants: formatNumber(f.records.participants),
            female: formatNumber(f.records.femaleParticipants),
          })}
        </p>
        {f.records.items.length > 0 && (
          <DataTable
            rows={f.records.items}
            rowKey={(x) => String(x.id)}
            columns={[
              { key: 'title', header: rt('col.activity'), cell: (x) => <Link to={`/records/${x.id}`}>{x.title}</Link> },
              {
                key: 'date',
                header: rt('col.date'),
                className: 'nowrap',
                cell: (x) =>
                  x.startDate === x.endDate
                    ? formatDate(x.startDate)
                    : `${formatDate(x.startDate)} – ${formatDate(x.endDate)}`,
              },
              { key: 'place', header: rt('col.place'), cell: (x) => x.placeName ?? '—' },
              {
                key: 'people',
                header: rt('col.participants'),
                className: 'num',
                cell: (x) => formatNumber(x.participants),
              },
            ]}
          />
        )}
      </FoldingPanel>
      <FoldingPanel title={rt('detail.activities')} summary={formatNumber(f.activities.length)}>
        {f.activities.length === 0 ? (
          <p className="muted">{rt('detail.none')}</p>
        ) : (
          <DataTable
            rows={f.activities}
            rowKey={(a) => String(a.id)}
            columns={[
              { key: 'activity', header: rt('col.activity'), cell: (a) => `${a.number}. ${a.title}` },
              { key: 'status', header: rt('col.status'), cell: (a) => rt(`activity.${a.status}` as 'activity.done') },
              { key: 'records', header: rt('col.records'), className: 'num', cell: (a) => formatNumber(a.recordCount) },
              {
                key: 'people',
                header: rt('col.participants'),
                className: 'num',
                cell: (a) => formatNumber(a.participants),
              },
            ]}
          />
        )}
      </FoldingPanel>
      <FoldingPanel title={rt('detail.models')} summary={formatNumber(f.models.length)}>
        <DataTable
          rows={f.models}
          rowKey={(m) => m.type}
          columns={[
            { key: 'type', header: rt('col.model'), cell: (m) => m.name },
            { key: 'active', header: rt('col.active'), className: 'num', cell: (m) => formatNumber(m.active) },
            { key: 'target', header: rt('col.target'), className: 'num', cell: (m) => formatFigure(m.target) },
            {
              key: 'ach',
              header: rt('col.achievement'),
              className: 'num',
              cell: (m) => formatPercent(m.achievementPct),
            },
            { key: 'members', header: rt('col.members'), className: 'num', cell: (m) => formatNumber(m.members) },
          ]}
        />
      </FoldingPanel>
      {f.provinces && (
        <FoldingPanel title={rt('detail.provinces')} summary={formatNumber(f.provinces.length)}>
          {f.provinces.length === 0 ? (
            <p className="muted">{rt('detail.none')}</p>
          ) : (
            <DataTable
              rows={f.provinces}
              rowKey={(p) => String(p.reportId)}
              columns={[
                {
                  key: 'province',
                  header: rt('col.province'),
                  cell: (p) => <Link to={`/reports/${p.reportId}`}>{p.provinceName}</Link>,
                },
                { key: 'agency', header: rt('col.agency'), cell: (p) => p.agencyName },
                ...f.indicators.map((i) => ({
                  key: i.code,
                  header: i.code,
                  className: 'num',
                  cell: (p: (typeof f.provinces & object)[number]) => formatFigure(p.values[i.code] ?? null),
                })),
              ]}
            />
          )}
        </FoldingPanel>
      )}
    </>
  );
}
