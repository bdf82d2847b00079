import { useState } from 'react';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/Status';
import { useAsync } from '../../lib/use-async';
import { useSearchState } from '../../lib/use-search-state';
import { useSearchText } from '../../lib/use-search-text';
import { AuditDiff } from './AuditDiff';
import { actionLabel, entityLabel, KNOWN_ACTIONS, KNOWN_ENTITIES } from './audit-labels';

type AuditEntry = ResponseOf<'/api/audit', 'get'>['items'][number];

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useSearchState({
    entityType: '',
    actor: '',
    action: '',
    from: '',
    to: '',
    offset: '0',
  });
  const [actorText, setActorText] = useSearchText(filters.actor, (actor) => setFilters({ actor, offset: '' }));
  const [open, setOpen] = useState<Set<string>>(new Set());
  const offset = Number(filters.offset) || 0;

  const entries = useAsync(
    (signal) =>
      unwrap(
        api.GET('/api/audit', {
          params: {
            query: {
              entityType: filters.entityType || undefined,
              actor: filters.actor || undefined,
              action: filters.action || undefined,
              from: filters.from || undefined,
              to: filters.to || undefined,
              limit: PAGE_SIZE,
              offset,
            },
          },
          signal,
        }),
      ),
    [filters.entityType, filters.actor, filters.action, filters.from, filters.to, offset],
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
      header: t('audit.col.time'),
      cell: (e) => <span className="nowrap">{formatDateTime(e.occurredAt)}</span>,
    },
    {
      key: 'actor',
      header: t('audit.col.actor'),
      cell: (e) => (e.actor ? <span className="code">{e.actor}</span> : <em className="muted">{t('audit.system')}</em>),
    },
    { key: 'action', header: t('audit.col.action'), cell: (e) => actionLabel(e.action, t) },
    {
      key: 'entity',
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
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="audit-entity">{t('audit.col.entity')}</label>
          <select
            id="audit-entity"
            value={filters.entityType}
            onChange={(event) => setFilters({ entityType: event.target.value, offset: '' })}
          >
            <option value="">{t('filter.all')}</option>
            {KNOWN_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {entityLabel(entity, t)}
              </option>
            ))}
          </select>
        </div>
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
        <div className="field">
          <label htmlFor="audit-action">{t('audit.col.action')}</label>
          <select
            id="audit-action"
            value={filters.action}
            onChange={(event) => setFilters({ action: event.target.value, offset: '' })}
          >
            <option value="">{t('filter.all')}</option>
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <DateField id="audit-from" value={filters.from} onChange={(from) => setFilters({ from, offset: '' })} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <DateField id="audit-to" value={filters.to} onChange={(to) => setFilters({ to, offset: '' })} />
        </div>
      </form>
      <QueryView state={entries} isEmpty={(data) => data.total === 0} empty={t('audit.empty')}>
        {(data) => (
          <>
            <p className="result-count" aria-live="polite">
              {t('audit.count', { count: formatNumber(data.total) })}
            </p>
            <DataTable
              columns={columns}
              rows={data.items}
              rowKey={(e) => e.id}
              expanded={(e) => (open.has(e.id) ? <AuditDiff before={e.before} after={e.after} /> : null)}
            />
            <Pager
              total={data.total}
              limit={PAGE_SIZE}
              offset={offset}
              onChange={(next) => setFilters({ offset: String(next) }, { replace: false })}
            />
          </>
        )}
      </QueryView>
    </div>
  );
}
