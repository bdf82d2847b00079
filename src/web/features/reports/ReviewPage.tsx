// The year-end review of a plan: its tables on the page, the Decree 30 .docx and the .xlsx to
// download, and the plan's roll-forward to next year when the user may do it.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FilterBar, SelectFilter } from '../../components/ListPage';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice, QueryView } from '../../components/Status';
import { formatNumber } from '../../i18n/format';
import { useSearchState } from '../../lib/use-search-state';
import { ReportTabs } from './ReportTabs';
import { formatFigure, formatPercent } from './shared';
import { useReportsT } from './use-reports-t';
import './reports.css';

export function ReviewPage() {
  const rt = useReportsT();
  const navigate = useNavigate();
  const [filters, setFilters] = useSearchState({ plan: '' });
  const planId = Number(filters.plan) || null;
  const plans = useQuery({
    queryKey: ['/api/plans', { kind: 'central', limit: 200 }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/plans', { params: { query: { kind: 'central', limit: 200 } }, signal })),
  });
  const review = useQuery({
    queryKey: ['/api/plans/{id}/review', planId],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans/{id}/review', { params: { path: { id: planId! } }, signal })),
    enabled: planId !== null,
    placeholderData: keepPreviousData,
  });
  const [error, setError] = useState<unknown>(null);

  async function rollForward() {
    setError(null);
    try {
      const next = await unwrap(
        api.POST('/api/plans/{id}/roll-forward', { params: { path: { id: planId! } }, body: {} }),
      );
      void navigate(`/plans/${next.id}`, { state: { notice: 'rolled' } });
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <div className="page">
      <h1>{rt('review.title')}</h1>
      <ReportTabs />
      <p className="lead">{rt('review.intro')}</p>
      <FilterBar search={false}>
        <SelectFilter
          id="review-plan"
          label={rt('review.plan')}
          value={filters.plan}
          allLabel={rt('review.choose')}
          grow
          options={(plans.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.year} — ${p.number ? `${p.number}: ` : ''}${p.title}`,
          }))}
          onChange={(plan) => setFilters({ plan })}
        />
      </FilterBar>
      {error !== null && <ErrorNotice error={error} />}
      {planId !== null && (
        <QueryView state={review}>
          {(r) => (
            <>
              <p className="rep-actions">
                <a className="button button-primary" href={`/api/plans/${r.plan.id}/review.docx`} download>
                  {rt('review.docx')}
                </a>
                <a className="button" href={`/api/plans/${r.plan.id}/review.xlsx`} download>
                  {rt('review.xlsx')}
                </a>
                {r.rollForward.allowed && (
                  <button type="button" className="button" onClick={() => void rollForward()}>
                    {rt('review.rollForward')}
                  </button>
                )}
              </p>
              <section className="panel" aria-labelledby="rev-sections">
                <h2 id="rev-sections">{rt('review.sections')}</h2>
                {r.sections.map((s) => (
                  <div key={s.number}>
                    <h3>
                      {s.number}. {s.title}
                    </h3>
                    <ul className="rep-list">
                      {s.activities.map((a) => (
                        <li key={a.number}>
                          {a.title} — <strong>{rt(`activity.${a.status}` as 'activity.done')}</strong>;{' '}
                          {rt('review.activityLine', {
                            records: formatNumber(a.recordCount),
                            people: formatNumber(a.participants),
                          })}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
              <section className="panel" aria-labelledby="rev-indicators">
                <h2 id="rev-indicators">{rt('detail.indicators')}</h2>
                <DataTable
                  rows={r.indicators}
                  rowKey={(i) => i.code}
                  columns={[
                    { key: 'code', header: rt('col.code'), cell: (i) => i.code },
                    { key: 'name', header: rt('col.indicator'), cell: (i) => `${i.name} (${i.unit})` },
                    { key: 'value', header: rt('col.value'), className: 'num', cell: (i) => formatFigure(i.value) },
                    { key: 'target', header: rt('col.target'), className: 'num', cell: (i) => formatFigure(i.target) },
                    {
                      key: 'ach',
                      header: rt('col.achievement'),
                      className: 'num',
                      cell: (i) => formatPercent(i.achievement),
                    },
                  ]}
                />
              </section>
              {r.provinces.length > 0 && (
                <section className="panel" aria-labelledby="rev-provinces">
                  <h2 id="rev-provinces">{rt('review.byProvince')}</h2>
                  <DataTable
                    rows={r.provinces}
                    rowKey={(p) => p.code}
                    columns={[
                      { key: 'name', header: rt('col.province'), cell: (p) => p.name },
                      ...r.provinceIndicators.map((ind, k) => ({
                        key: ind.code,
                        header: ind.code,
                        className: 'num',
                        cell: (p: (typeof r.provinces)[number]) => formatFigure(p.values[k] ?? null),
                      })),
                    ]}
                  />
                </section>
              )}
              {(['difficulties', 'proposals'] as const).map((k) => (
                <section key={k} className="panel" aria-labelledby={`rev-${k}`}>
                  <h2 id={`rev-${k}`}>{rt(`review.${k}`)}</h2>
                  {r[k].length === 0 ? (
                    <p className="muted">{rt('detail.none')}</p>
                  ) : (
                    <ul className="rep-list">
                      {r[k].map((x, i) => (
                        <li key={i}>
                          <strong>{x.from}:</strong> {x.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </>
          )}
        </QueryView>
      )}
    </div>
  );
}
