// For a central plan: each province's plan as the centre follows it — not sent, draft made,
// signed, issued — with its dates and a link; filtered and sorted on the page (34 rows at most).
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterBar, SearchFilter, SelectFilter } from '../../../components/ListPage';
import { EmptyNotice, QueryView } from '../../../components/Status';
import { formatDate, formatNumber } from '../../../i18n/format';
import type { PlanPageContext } from '../PlanLayout';
import { can, type PlanView } from '../plan-types';
import { usePlanT } from '../use-plan-t';
import type { PlanMessageKey } from '../messages.vi';
import { SORTS, STAGES, stageCounts, viewRows, type ProvinceRow, type Sort, type Stage } from './cascade-overview';
import { SendToProvincesDialog } from './SendToProvincesDialog';
import { useCascadeOverview } from './use-cascade-overview';

const STAGE_BADGE: Record<Stage, string> = {
  not_sent: 'badge',
  derived: 'badge badge-draft',
  signed: 'badge badge-new',
  issued: 'badge badge-full',
};

export function StageBadge({ stage }: { stage: Stage }) {
  const t = usePlanT();
  return <span className={STAGE_BADGE[stage]}>{t(`overview.stage.${stage}`)}</span>;
}

/** The "Gửi xuống các tỉnh" button and its dialog, where the server allows it. */
export function SendToProvincesButton({ plan, ctx }: { plan: PlanView; ctx: PlanPageContext }) {
  const t = usePlanT();
  const [open, setOpen] = useState(false);
  if (!can(plan, 'send_to_provinces')) return null;
  return (
    <>
      <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
        {t('send.action')}
      </button>
      {open && (
        <SendToProvincesDialog
          plan={plan}
          onClose={() => setOpen(false)}
          onSent={(text) => {
            setOpen(false);
            ctx.update(plan, text);
          }}
        />
      )}
    </>
  );
}

export function CascadeOverviewPanel({
  plan,
  ctx,
  withButton,
}: {
  plan: PlanView;
  ctx: PlanPageContext;
  withButton?: boolean;
}) {
  const t = usePlanT();
  const overview = useCascadeOverview(plan.id, plan.kind === 'central');
  const [stage, setStage] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  if (plan.kind !== 'central') return <EmptyNotice>{t('provinces.centralOnly')}</EmptyNotice>;

  const columns: Column<ProvinceRow>[] = [
    { key: 'name', header: t('overview.col.province'), cell: (p) => <strong>{p.name}</strong> },
    { key: 'stage', header: t('overview.col.stage'), cell: (p) => <StageBadge stage={p.stage} /> },
    {
      key: 'derivedAt',
      header: t('overview.col.derivedAt'),
      cell: (p) =>
        p.derivedAt ? (
          <>
            {formatDate(p.derivedAt)}{' '}
            <small className="muted">({t(p.sentByCentre ? 'overview.byCentre' : 'overview.byProvince')})</small>
          </>
        ) : (
          '—'
        ),
    },
    { key: 'signedAt', header: t('overview.col.signedAt'), cell: (p) => (p.signedAt ? formatDate(p.signedAt) : '—') },
    {
      key: 'issuedOn',
      header: t('overview.col.issuedOn'),
      cell: (p) => (p.issuedOn ? `${formatDate(p.issuedOn)}${p.number ? ` · ${p.number}` : ''}` : '—'),
    },
    {
      key: 'plan',
      header: t('overview.col.plan'),
      cell: (p) =>
        p.planId ? (
          <Link to={`/plans/${p.planId}`} aria-label={`${t('provinces.open')}: ${p.name}`}>
            {t('provinces.open')}
          </Link>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <section className="panel cascade-overview" aria-labelledby="cascade-overview-title">
      <div className="panel-head">
        <h2 id="cascade-overview-title">{t('overview.title')}</h2>
        {withButton && <SendToProvincesButton plan={plan} ctx={ctx} />}
      </div>
      <QueryView state={overview}>
        {(data) => {
          const counts = stageCounts(data.provinces);
          const rows = viewRows(data.provinces, { stage, q, sort });
          return (
            <>
              <p className="result-count" data-testid="cascade-summary">
                {t('overview.summary', {
                  sent: formatNumber(counts.sent),
                  total: formatNumber(counts.total),
                  signed: formatNumber(counts.signed),
                  issued: formatNumber(counts.issued),
                })}
              </p>
              <FilterBar>
                <SearchFilter id="cascade-q" label={t('overview.filter.q')} value={q} onChange={setQ} />
                <SelectFilter
                  id="cascade-stage"
                  label={t('overview.filter.stage')}
                  value={stage}
                  allLabel={t('overview.filter.all')}
                  options={STAGES.map((s) => ({ value: s, label: t(`overview.stage.${s}`) }))}
                  onChange={setStage}
                />
                <SelectFilter
                  id="cascade-sort"
                  label={t('overview.sort')}
                  value={sort}
                  options={SORTS.map((s) => ({ value: s, label: t(`overview.sort.${s}` as PlanMessageKey) }))}
                  onChange={(value) => setSort(value as Sort)}
                />
              </FilterBar>
              <p className="muted small" role="status">
                {t('overview.count', { shown: formatNumber(rows.length), total: formatNumber(counts.total) })}
              </p>
              {rows.length === 0 ? (
                <EmptyNotice>{t('overview.empty')}</EmptyNotice>
              ) : (
                <div data-testid="cascade-overview">
                  <DataTable columns={columns} rows={rows} rowKey={(p) => p.code} caption={t('overview.title')} />
                </div>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
