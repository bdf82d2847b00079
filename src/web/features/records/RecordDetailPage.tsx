// One record as saved: what, when, where, by whom, outputs, participants, costs and files, with
// edit and delete when the server allows them.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { PrintButton } from '../../components/PrintButton';
import { ErrorNotice, QueryView } from '../../components/Status';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Attachments } from './Attachments';
import { formatMoney } from '../../lib/money';
import { useEthnicGroups, useFundingSources } from '../../lib/reference';
import type { RecordView } from '../../lib/record-codes';
import { recordQuery, recordRemoved } from './record-queries';
import { useRecordsT, type RecordsTranslate } from './use-records-t';
import './records.css';
import { useConfirm } from '../../components/ConfirmDialog';

export function dateRange(start: string, end: string): string {
  return end && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start);
}

export function RecordDetailPage() {
  const rt = useRecordsT();
  const id = Number(useParams().id);
  const location = useLocation();
  const navigate = useNavigate();
  const arrived = (location.state as { notice?: 'created' | 'saved' } | null)?.notice;
  const queryClient = useQueryClient();
  const record = useQuery(recordQuery(id));
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const { confirm, dialog } = useConfirm();
  // Braces: scrollIntoView returns a promise in recent Chromium, which React would take for a cleanup.
  useEffect(() => {
    noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [conflict, error]);

  async function remove(view: RecordView) {
    if (
      !(await confirm(rt('records.confirmDelete', { title: view.title }), {
        danger: true,
        confirmLabel: rt('records.delete'),
      }))
    )
      return;
    setError(null);
    try {
      await api.DELETE('/api/records/{id}', { params: { path: { id }, query: { version: view.version } } });
      recordRemoved(queryClient, id);
      void navigate('/records', { replace: true, state: { notice: 'deleted' } });
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        setConflict(true);
        void record.refetch();
      } else setError(failure);
    }
  }

  return (
    <div className="page page-narrow">
      {dialog}
      <p className="back-link">
        <Link to="/records">← {rt('records.backToList')}</Link>
      </p>
      <div ref={noticeRef}>
        {arrived && !conflict && (
          <p className="notice notice-success" role="status">
            {rt(arrived === 'created' ? 'records.created' : 'records.saved')}
          </p>
        )}
        {conflict && (
          <p className="notice notice-warning" role="alert">
            {rt('records.deleteConflict')}
          </p>
        )}
        {error !== null && <ErrorNotice error={error} />}
      </div>
      <QueryView state={record}>
        {(data) => (
          <>
            <div className="page-title-row">
              <h1>{data.title}</h1>
              <PrintButton documentTitle={data.title} />
            </div>
            <p className="rec-tags">
              <span className="badge badge-new">{rt(`type.${data.type}`)}</span>
              {!data.participants.breakdownKnown && <span className="badge">{rt('records.totalsOnlyBadge')}</span>}
            </p>
            {data.locked && (
              <p className="notice notice-warning" data-testid="record-locked">
                {data.locked}
              </p>
            )}
            {(data.allowedActions.includes('edit') || data.allowedActions.includes('delete')) && (
              <p className="rec-actions">
                {data.allowedActions.includes('edit') && (
                  <Link className="button button-secondary" to={`/records/${data.id}/edit`}>
                    {rt('records.editAction')}
                  </Link>
                )}
                {data.allowedActions.includes('delete') && (
                  <button type="button" className="button button-danger" onClick={() => void remove(data)}>
                    {rt('records.delete')}
                  </button>
                )}
              </p>
            )}
            <RecordFacts record={data} />
            <Outputs record={data} />
            <Participants record={data} />
            <Costs record={data} />
            <Attachments
              record={data}
              onChange={(attachments) => queryClient.setQueryData(recordQuery(id).queryKey, { ...data, attachments })}
            />
            {data.models.length > 0 && (
              <section className="panel" aria-labelledby="rec-models-title">
                <h2 id="rec-models-title">{rt('records.modelsTitle')}</h2>
                <ul className="rec-models">
                  {data.models.map((m) => (
                    <li key={m.id}>
                      <Link to={`/models/${m.id}`}>{m.name}</Link> — {m.typeName}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {data.type === 'model_established' && data.models.length === 0 && data.allowedActions.includes('edit') && (
              <p className="notice notice-info">
                {rt('records.registerModel')}{' '}
                <Link to={`/records/${data.id}/edit#rec-model`}>{rt('records.registerModelEdit')}</Link>
              </p>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}

function RecordFacts({ record }: { record: RecordView }) {
  const rt = useRecordsT();
  const place = [
    record.village,
    record.place?.fullName,
    record.place?.level === 'province' ? null : record.provinceName,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <dl className="facts panel">
      <div className="rec-fact-wide">
        <dt>{rt('records.activity')}</dt>
        <dd>
          <Link to={`/activities?plan=${record.activity.planId}`}>
            {record.activity.number}. {record.activity.title}
          </Link>
          <small className="block muted">{record.activity.planTitle}</small>
        </dd>
      </div>
      <div>
        <dt>{rt('records.when')}</dt>
        <dd>{dateRange(record.startDate, record.endDate)}</dd>
      </div>
      <div>
        <dt>{rt('records.where')}</dt>
        <dd>{place || '—'}</dd>
      </div>
      <div>
        <dt>{rt('agency.organiser')}</dt>
        <dd>{record.organiser?.name || '—'}</dd>
      </div>
      <div>
        <dt>{rt('agency.partners')}</dt>
        <dd>{record.partners.map((p) => p.name).join('; ') || '—'}</dd>
      </div>
      {record.description && (
        <div className="rec-fact-wide">
          <dt>{rt('form.description')}</dt>
          <dd className="rec-prewrap">{record.description}</dd>
        </div>
      )}
      <div>
        <dt>{rt('records.createdBy')}</dt>
        <dd>
          {record.createdBy ?? '—'}
          <small className="block muted">{rt('records.updatedAt', { at: formatDateTime(record.updatedAt) })}</small>
        </dd>
      </div>
    </dl>
  );
}

function Outputs({ record }: { record: RecordView }) {
  const rt = useRecordsT();
  const groups = useEthnicGroups();
  const o = record.outputs as Record<string, string | number | undefined>;
  const language =
    o.language === 'dan_toc'
      ? rt('outputs.tieng', { name: groups.data?.find((g) => g.id === Number(o.ethnicLanguage))?.name ?? '…' })
      : o.language === 'pho_thong'
        ? rt('outputs.language.pho_thong')
        : null;
  const items: [string, string][] = [];
  if (o.materialKind) items.push([rt('outputs.materialKind'), String(o.materialKind)]);
  if (o.broadcaster) items.push([rt('outputs.broadcaster'), String(o.broadcaster)]);
  if (o.quantity !== undefined)
    items.push([rt(`outputs.quantity.${record.type}`), `${formatNumber(Number(o.quantity))} ${o.unit ?? ''}`.trim()]);
  if (language) items.push([rt('outputs.language'), language]);
  if (o.note) items.push([rt('outputs.note'), String(o.note)]);
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="rec-outputs-title">
      <h2 id="rec-outputs-title">{rt('outputs.legend')}</h2>
      <dl className="facts">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Participants({ record }: { record: RecordView }) {
  const rt = useRecordsT();
  const groups = useEthnicGroups();
  const p = record.participants;
  const rows = useMemo(
    () => participantTable(record, (id) => groups.data?.find((g) => g.id === id)?.name),
    [record, groups.data],
  );
  return (
    <section className="panel" aria-labelledby="rec-participants-title">
      <h2 id="rec-participants-title">{rt('participants.legend')}</h2>
      <p data-testid="record-participants-total">
        {rt('records.participantsTotal', {
          total: formatNumber(p.totalParticipants),
          female: p.femaleParticipants === null ? '—' : formatNumber(p.femaleParticipants),
        })}
      </p>
      {p.breakdownKnown ? (
        rows.length > 0 && (
          <div className="rec-grid-wrap">
            <table className="rec-grid rec-grid-read">
              <thead>
                <tr>
                  <th scope="col">{rt('participants.group')}</th>
                  <th scope="col" className="rec-n">
                    {rt('participants.female')}
                  </th>
                  <th scope="col" className="rec-n">
                    {rt('participants.male')}
                  </th>
                  <th scope="col" className="rec-n">
                    {rt('participants.sum')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      <span className="rec-grid-name">{r.ethnic}</span>
                      <small className="block muted">{groupLabel(r, rt)}</small>
                    </th>
                    <td className="rec-n">{formatNumber(r.female)}</td>
                    <td className="rec-n">{formatNumber(r.male)}</td>
                    <td className="rec-n">{formatNumber(r.female + r.male)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : (
        <p className="muted rec-small">{rt('records.totalsOnlyNote')}</p>
      )}
    </section>
  );
}

interface TableRow {
  key: string;
  ethnic: string;
  targetGroup: RecordView['participants']['rows'][number]['targetGroup'];
  ageBand: RecordView['participants']['rows'][number]['ageBand'];
  female: number;
  male: number;
}

function groupLabel(r: TableRow, rt: RecordsTranslate): string {
  const target = rt(`target.${r.targetGroup}`);
  return r.ageBand === 'unknown' ? target : `${target}, ${rt(`age.${r.ageBand}`)}`;
}

function participantTable(record: RecordView, name: (id: number) => string | undefined): TableRow[] {
  const rows = new Map<string, TableRow>();
  for (const r of record.participants.rows) {
    const key = `${r.ethnicGroupId}|${r.targetGroup}|${r.ageBand}`;
    const row = rows.get(key) ?? {
      key,
      ethnic: name(r.ethnicGroupId) ?? String(r.ethnicGroupId),
      targetGroup: r.targetGroup,
      ageBand: r.ageBand,
      female: 0,
      male: 0,
    };
    row[r.sex] += r.count;
    rows.set(key, row);
  }
  return [...rows.values()];
}

function Costs({ record }: { record: RecordView }) {
  const rt = useRecordsT();
  const { lang } = useI18n();
  const sources = useFundingSources();
  if (record.costs.length === 0) return null;
  const name = (code: string, vi: string) =>
    lang === 'en' ? (sources.data?.find((s) => s.code === code)?.nameEn ?? vi) : vi;
  return (
    <section className="panel" aria-labelledby="rec-costs-title">
      <h2 id="rec-costs-title">{rt('costs.legend')}</h2>
      <table className="rec-grid rec-grid-read">
        <tbody>
          {record.costs.map((c) => (
            <tr key={c.fundingSource}>
              <th scope="row">{name(c.fundingSource, c.name)}</th>
              <td className="rec-n nowrap">{formatMoney(c.amount)} đ</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{rt('costs.total')}</th>
            <td className="rec-n nowrap">
              <strong>{formatMoney(record.totalCost)} đ</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
