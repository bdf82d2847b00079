// Progress of plan activities: the status the server derives from records, timeframe and the lead
// agency's completion mark, filterable by plan, province, lead agency, content area and status.
// The buttons are those the server lists in allowedActions.
import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterBar, ListResults, MoreResults } from '../../components/ListPage';
import { usePlanChoices } from '../../lib/plan-choices';
import { planLabel } from '../../lib/plans';
import { ErrorNotice } from '../../components/Status';
import { formatDate, formatNumber } from '../../i18n/format';
import { sortValue, useListQuery, useListState } from '../../lib/use-list-state';
import { useMe } from '../../lib/session';
import { useProvinces } from '../../lib/reference';
import { timeframeLabel } from '../../components/pickers/ActivityPicker';
import { ACTIVITY_STATUSES, STATUS_BADGE, type ActivityView } from '../../lib/record-codes';
import { MoreFilters } from '../../components/MoreFilters';
import { useRecordsT } from './use-records-t';
import { CompletionForm } from './CompletionForm';
import './records.css';
import { useConfirm } from '../../components/ConfirmDialog';

const PAGE_SIZE = 50;

/** The columns the server sorts by (records.schemas.ts ACTIVITY_SORT_KEYS; the timeframe by its end, the deadline). */
const SORTS = ['title', 'start', 'end'] as const;

export function ActivitiesPage() {
  const { confirm: ask, dialog } = useConfirm();
  const rt = useRecordsT();
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useListState({ plan: '', province: '', agency: '', section: '', status: '' });
  const { filters } = list;
  const [completing, setCompleting] = useState<number | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const plan = Number(filters.plan) || undefined;
  const status = ACTIVITY_STATUSES.find((s) => s === filters.status);

  const plans = usePlanChoices();
  // The plan's activities without the narrower filters give the choices of section and agency.
  const optionsQuery = { plan, province: filters.province || undefined, limit: 500 };
  const options = useQuery({
    queryKey: ['/api/activities', optionsQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities', { params: { query: optionsQuery }, signal })),
  });
  const provinces = useProvinces(2025);
  const provinceOptions = useMemo(() => {
    const all = provinces.data ?? [];
    if (me.nationalScope) return all;
    const mine = new Set(me.provinces.map((p) => p.code));
    return all.filter((p) => mine.has(p.code));
  }, [provinces.data, me]);
  const sections = useMemo(() => {
    const seen = new Map<string, ActivityView['section']>();
    for (const a of options.data?.items ?? []) if (!seen.has(a.section.key)) seen.set(a.section.key, a.section);
    return [...seen.values()];
  }, [options.data]);
  const agencies = useMemo(() => {
    const seen = new Map<number, string>();
    for (const a of options.data?.items ?? []) if (a.leadAgency) seen.set(a.leadAgency.id, a.leadAgency.name);
    return [...seen.entries()].sort((x, y) => x[1].localeCompare(y[1], 'vi'));
  }, [options.data]);

  const query = {
    plan,
    province: filters.province || undefined,
    agency: Number(filters.agency) || undefined,
    section: filters.section || undefined,
    status,
    sort: sortValue(list.sort.value, SORTS),
    ...list.page(PAGE_SIZE),
  };
  const activitiesKey = ['/api/activities', query];
  const activities = useListQuery(activitiesKey, (signal) =>
    unwrap(api.GET('/api/activities', { params: { query }, signal })),
  );

  function replace(next: ActivityView) {
    queryClient.setQueryData(
      activitiesKey,
      (data: typeof activities.data) =>
        data && { ...data, items: data.items.map((a) => (a.id === next.id ? next : a)) },
    );
    // Other lists showing this activity (another page, the choices above) ask again when shown.
    void queryClient.invalidateQueries({ queryKey: ['/api/activities'], refetchType: 'none' });
  }

  async function reopen(activity: ActivityView) {
    if (!(await ask(rt('activities.confirmReopen', { number: activity.number })))) return;
    setActionError(null);
    try {
      replace(await unwrap(api.POST('/api/activities/{id}/reopen', { params: { path: { id: activity.id } } })));
    } catch (failure) {
      setActionError(failure);
      if (failure instanceof ApiError && failure.status === 409) void activities.refetch();
    }
  }

  const columns: Column<ActivityView>[] = [
    {
      key: 'activity',
      sort: 'title',
      header: rt('activities.col.activity'),
      cell: (a) => (
        <>
          <span className="rec-clamp rec-clamp-3" title={a.title}>
            <span className="rec-num" data-testid={`activity-${a.plan.id}-${a.number}`}>
              {a.number}
            </span>{' '}
            {a.title}
          </span>
          <small className="block muted">
            {a.plan.number || a.plan.title}
            {a.plan.kind === 'provincial' && a.plan.provinceCode
              ? ` · ${provinces.data?.find((p) => p.code === a.plan.provinceCode)?.name ?? ''}`
              : ''}
          </small>
        </>
      ),
    },
    {
      key: 'time',
      sort: 'end',
      header: rt('activities.col.timeframe'),
      cell: (a) => (
        <>
          {timeframeLabel(a.timeframe) || '—'}
          {a.leadAgency && <small className="block muted">{a.leadAgency.shortName || a.leadAgency.name}</small>}
        </>
      ),
    },
    {
      key: 'records',
      header: rt('activities.col.records'),
      cell: (a) =>
        a.recordCount > 0 ? (
          <Link to={`/records?plan=${a.plan.id}&activity=${a.id}`}>
            {rt('activities.recordCount', { count: formatNumber(a.recordCount) })}
          </Link>
        ) : (
          <span className="muted">{rt('activities.noRecords')}</span>
        ),
    },
    {
      key: 'participants',
      header: rt('activities.col.participants'),
      className: 'rec-n',
      cell: (a) => (
        <>
          {formatNumber(a.participants)}
          {a.participants > 0 && (
            <small className="block muted">
              {rt('records.femaleShort', { n: formatNumber(a.femaleParticipants) })}
            </small>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: rt('activities.col.status'),
      cell: (a) => (
        <>
          <span className={STATUS_BADGE[a.status]} data-testid={`status-${a.id}`}>
            {rt(`status.${a.status}`)}
          </span>
          {a.completion && (
            <small className="block muted">
              {rt('activities.completedOn', { date: formatDate(a.completion.completedOn) })}
            </small>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      header: rt('activities.col.actions'),
      cell: (a) => (
        <span className="rec-row-actions">
          {a.allowedActions.includes('record') && (
            <Link className="button button-small" to={`/records/new?activity=${a.id}`}>
              {rt('activities.record')}
            </Link>
          )}
          {a.allowedActions.includes('complete') && (
            <button type="button" className="button button-small" onClick={() => setCompleting(a.id)}>
              {rt('activities.complete')}
            </button>
          )}
          {a.allowedActions.includes('reopen') && (
            <button type="button" className="button button-small" onClick={() => void reopen(a)}>
              {rt('activities.reopen')}
            </button>
          )}
        </span>
      ),
    },
  ];

  return (
    <div className="page">
      {dialog}
      <h1>{rt('activities.title')}</h1>
      <p className="lead">{rt('activities.intro')}</p>
      <FilterBar search={false}>
        <MoreFilters
          active={
            [filters.plan, filters.province, filters.section, filters.agency, filters.status].filter(Boolean).length
          }
        >
          <div className="field field-grow">
            <label htmlFor="activities-plan">{rt('activity.plan')}</label>
            <select
              id="activities-plan"
              value={filters.plan}
              onChange={(event) => list.set({ plan: event.target.value, section: '', agency: '' })}
            >
              <option value="">{rt('filter.allPlans')}</option>
              {plans.data?.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {planLabel(p)}
                </option>
              ))}
            </select>
            {plans.data && <MoreResults shown={plans.data.items.length} total={plans.data.total} />}
          </div>
          {provinceOptions.length > 0 && (
            <div className="field">
              <label htmlFor="activities-province">{rt('activities.province')}</label>
              <select
                id="activities-province"
                value={filters.province}
                onChange={(event) => list.set({ province: event.target.value })}
              >
                <option value="">{rt('filter.allProvincesAndCentral')}</option>
                {provinceOptions.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {plan && sections.length > 0 && (
            <div className="field">
              <label htmlFor="activities-section">{rt('activity.section')}</label>
              <select
                id="activities-section"
                value={filters.section}
                onChange={(event) => list.set({ section: event.target.value })}
              >
                <option value="">{rt('activity.allSections')}</option>
                {sections.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.number}. {s.title.length > 70 ? `${s.title.slice(0, 70)}…` : s.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          {agencies.length > 0 && (
            <div className="field">
              <label htmlFor="activities-agency">{rt('activities.agency')}</label>
              <select
                id="activities-agency"
                value={filters.agency}
                onChange={(event) => list.set({ agency: event.target.value })}
              >
                <option value="">{rt('filter.allAgencies')}</option>
                {agencies.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="activities-status">{rt('activities.col.status')}</label>
            <select
              id="activities-status"
              value={status ?? ''}
              onChange={(event) => list.set({ status: event.target.value })}
            >
              <option value="">{rt('filter.allStatuses')}</option>
              {ACTIVITY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {rt(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </MoreFilters>
      </FilterBar>
      {actionError !== null && <ErrorNotice error={actionError} />}
      <ListResults
        state={activities}
        pageSize={PAGE_SIZE}
        offset={list.offset}
        onPage={list.setOffset}
        empty={rt('activities.empty')}
        count={(data) => rt('activities.count', { count: formatNumber(data.total) })}
      >
        {(data) => (
          <div className="rec-cards">
            <DataTable
              columns={columns}
              rows={data.items}
              rowKey={(a) => String(a.id)}
              sort={list.sort}
              expanded={(a) =>
                completing === a.id ? (
                  <CompletionForm
                    activity={a}
                    onCancel={() => setCompleting(null)}
                    onDone={(next) => {
                      replace(next);
                      setCompleting(null);
                    }}
                  />
                ) : null
              }
            />
          </div>
        )}
      </ListResults>
    </div>
  );
}
