import { useState } from 'react';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { DateFilter, FilterBar, ListResults, SelectFilter } from '../../components/ListPage';
import { sortValue, useListQuery, useListState } from '../../lib/use-list-state';
import { useSearchText } from '../../lib/use-search-text';
import { AuditDiff } from './AuditDiff';
import { actionLabel, entityLabel, KNOWN_ACTIONS, KNOWN_ENTITIES } from './audit-labels';

type AuditEntry = ResponseOf<'/api/audit', 'get'>['items'][number];

const PAGE_SIZE = 50;

/** The columns the server sorts by (audit.repo.ts AUDIT_SORT_KEYS). */
const SORTS = ['time', 'actor', 'action', 'entity'] as const;

export function AuditPage() {
  const { t } = useI18n();
  const list = useListState({ entityType: '', actor: '', action: '', from: '', to: '' });
  const { filters } = list;
  const [actorText, setActorText] = useSearchText(filters.actor, (actor) => list.set({ actor }));
  const [open, setOpen] = useState<Set<string>>(new Set());

  const query = {
    entityType: filters.entityType || undefined,
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    sort: sortValue(list.sort.value, SORTS),
    ...list.page(PAGE_SIZE),
  };
  const entries = useListQuery(['/api/audit', query], (signal) =>
    unwrap(api.GET('/api/audit', { params: { query }, signal })),
  );

  function toggle(id: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const columns: Column<AuditEntry>[] = [
    {
      key: 'time',
      sort: 'time',
      header: t('audit.col.time'),
      cell: (e) => <span className="nowrap">{formatDateTime(e.occurredAt)}</span>,
    },
    {
      key: 'actor',
      sort: 'actor',
      header: t('audit.col.actor'),
      cell: (e) => (e.actor ? <span className="code">{e.actor}</span> : <em className="muted">{t('audit.system')}</em>),
    },
    { key: 'action', sort: 'action', header: t('audit.col.action'), cell: (e) => actionLabel(e.action, t) },
    {
      key: 'entity',
      sort: 'entity',
      header: t('audit.col.entity'),
      cell: (e) => (
        <>
          {entityLabel(e.entityType, t)}
          {e.entityId && <span className="code muted"> #{e.entityId}</span>}
        </>
      ),
    },
    { key: 'ip', header: t('audit.col.ip'), cell: (e) => <span className="code">{e.ip ?? '—'}</span> },
    {
      key: 'detail',
      header: t('audit.col.detail'),
      cell: (e) =>
        e.before == null && e.after == null ? (
          <span className="muted">—</span>
        ) : (
          <button
            type="button"
            className="button button-small"
            aria-expanded={open.has(e.id)}
            onClick={() => toggle(e.id)}
          >
            {open.has(e.id) ? t('audit.hide') : t('audit.show')}
          </button>
        ),
    },
  ];

  return (
    <div className="page">
      <h1>{t('nav.audit')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <FilterBar>
        <SelectFilter
          id="audit-entity"
          label={t('audit.col.entity')}
          value={filters.entityType}
          allLabel={t('filter.all')}
          options={KNOWN_ENTITIES.map((entity) => ({ value: entity, label: entityLabel(entity, t) }))}
          onChange={(value) => list.set({ entityType: value })}
        />
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.col.actor')}</label>
          <input
            id="audit-actor"
            value={actorText}
            autoCapitalize="none"
            spellCheck={false}
            placeholder={t('audit.actor.placeholder')}
            onChange={(event) => setActorText(event.target.value)}
          />
        </div>
        <SelectFilter
          id="audit-action"
          label={t('audit.col.action')}
          value={filters.action}
          allLabel={t('filter.all')}
          options={KNOWN_ACTIONS.map((action) => ({ value: action, label: actionLabel(action, t) }))}
          onChange={(value) => list.set({ action: value })}
        />
        <DateFilter
          id="audit-from"
          label={t('audit.from')}
          value={filters.from}
          onChange={(from) => list.set({ from })}
        />
        <DateFilter id="audit-to" label={t('audit.to')} value={filters.to} onChange={(to) => list.set({ to })} />
      </FilterBar>
      <ListResults
        state={entries}
        pageSize={PAGE_SIZE}
        offset={list.offset}
        onPage={list.setOffset}
        empty={t('audit.empty')}
        count={(data) => t('audit.count', { count: formatNumber(data.total) })}
      >
        {(data) => (
          <DataTable
            columns={columns}
            rows={data.items}
            rowKey={(e) => e.id}
            sort={list.sort}
            expanded={(e) => (open.has(e.id) ? <AuditDiff before={e.before} after={e.after} /> : null)}
          />
        )}
      </ListResults>
    </div>
  );
}
