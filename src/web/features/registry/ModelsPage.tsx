// The registry: models in the user's scope, filtered by type, province, status, women's ownership
// and technology 4.0, searched without diacritics ("to truyen thong" finds "Tổ truyền thông").
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/Status';
import { formatDate, formatNumber } from '../../i18n/format';
import { useSearchState } from '../../lib/use-search-state';
import { useSearchText } from '../../lib/use-search-text';
import { hasPermission, useMe } from '../auth/SessionProvider';
import { useModelTypes, useProvinces } from '../../lib/reference';
import { MODEL_STATUSES, STATUS_BADGE, TECH_FLAGS, WOMEN_OWNERSHIP, type ModelSummary } from './model-codes';
import { MoreFilters } from '../../components/MoreFilters';
import { RegistryTabs } from './RegistryTabs';
import { useRegistryT } from './use-registry-t';
import '../records/records.css';
import './registry.css';

const PAGE_SIZE = 20;

export function ModelsPage() {
  const t = useRegistryT();
  const me = useMe();
  const [filters, setFilters] = useSearchState({
    type: '',
    province: '',
    status: '',
    women: '',
    tech: '',
    q: '',
    offset: '0',
  });
  const [text, setText] = useSearchText(filters.q, (q) => setFilters({ q, offset: '' }));
  const offset = Number(filters.offset) || 0;
  const types = useModelTypes();
  const provinces = useProvinces(2025);
  const provinceOptions = useMemo(() => {
    const all = provinces.data ?? [];
    if (me.nationalScope) return all;
    const mine = new Set(me.provinces.map((p) => p.code));
    return all.filter((p) => mine.has(p.code));
  }, [provinces.data, me]);
  const status = MODEL_STATUSES.find((s) => s === filters.status);
  const tech = TECH_FLAGS.find((f) => f === filters.tech);
  const women = filters.women === 'any' ? ('any' as const) : WOMEN_OWNERSHIP.find((w) => w === filters.women);

  const query = {
    type: filters.type || undefined,
    province: filters.province || undefined,
    status,
    womenOwned: women,
    tech,
    q: filters.q || undefined,
    limit: PAGE_SIZE,
    offset,
  };
  const models = useQuery({
    queryKey: ['/api/models', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/models', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });

  const columns: Column<ModelSummary>[] = [
    {
      key: 'name',
      header: t('models.col.name'),
      cell: (m) => (
        <>
          <Link to={`/models/${m.id}`}>{m.name}</Link>
          <small className="block muted">{m.type.name}</small>
        </>
      ),
    },
    {
      key: 'place',
      header: t('models.col.place'),
      cell: (m) => (
        <>
          {[m.village, m.commune.name].filter(Boolean).join(', ')}
          <small className="block muted">{m.provinceName}</small>
        </>
      ),
    },
    {
      key: 'members',
      header: t('models.col.members'),
      className: 'reg-n',
      cell: (m) => (
        <>
          {formatNumber(m.members.total)}
          {m.members.total > 0 && (
            <small className="block muted">{t('models.femaleShort', { n: formatNumber(m.members.female) })}</small>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: t('models.col.status'),
      cell: (m) => (
        <>
          <span className={STATUS_BADGE[m.status]}>{t(`status.${m.status}`)}</span>
          <small className="block muted">{t('models.since', { date: formatDate(m.statusSince) })}</small>
        </>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{t('registry.title')}</h1>
        {hasPermission(me, 'record:write') && (
          <Link className="button button-primary" to="/models/new">
            {t('models.create')}
          </Link>
        )}
      </div>
      <RegistryTabs />
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="models-q">{t('models.search')}</label>
          <input
            id="models-q"
            type="search"
            value={text}
            placeholder={t('models.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <MoreFilters
          active={[filters.type, filters.province, filters.status, filters.women, filters.tech].filter(Boolean).length}
        >
          <div className="field">
            <label htmlFor="models-type">{t('models.type')}</label>
            <select
              id="models-type"
              value={filters.type}
              onChange={(event) => setFilters({ type: event.target.value, offset: '' })}
            >
              <option value="">{t('filter.allTypes')}</option>
              {types.data?.map((type) => (
                <option key={type.code} value={type.code}>
                  {type.name}
                </option>
              ))}
            </select>
          </div>
          {provinceOptions.length > 1 && (
            <div className="field">
              <label htmlFor="models-province">{t('models.province')}</label>
              <select
                id="models-province"
                value={filters.province}
                onChange={(event) => setFilters({ province: event.target.value, offset: '' })}
              >
                <option value="">{t('filter.allProvinces')}</option>
                {provinceOptions.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="models-status">{t('models.status')}</label>
            <select
              id="models-status"
              value={status ?? ''}
              onChange={(event) => setFilters({ status: event.target.value, offset: '' })}
            >
              <option value="">{t('filter.allStatuses')}</option>
              {MODEL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="models-women">{t('models.women')}</label>
            <select
              id="models-women"
              value={women ?? ''}
              onChange={(event) => setFilters({ women: event.target.value, offset: '' })}
            >
              <option value="">{t('filter.all')}</option>
              <option value="any">{t('women.any')}</option>
              {WOMEN_OWNERSHIP.map((w) => (
                <option key={w} value={w}>
                  {t(`women.${w}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="models-tech">{t('models.tech')}</label>
            <select
              id="models-tech"
              value={tech ?? ''}
              onChange={(event) => setFilters({ tech: event.target.value, offset: '' })}
            >
              <option value="">{t('filter.all')}</option>
              {TECH_FLAGS.map((f) => (
                <option key={f} value={f}>
                  {t(`tech.${f}`)}
                </option>
              ))}
            </select>
          </div>
        </MoreFilters>
      </form>
      <QueryView state={models} isEmpty={(data) => data.total === 0} empty={t('models.empty')}>
        {(data) => (
          <>
            <p className="result-count" aria-live="polite">
              {t('models.count', { count: formatNumber(data.total) })}
            </p>
            <div className="rec-cards">
              <DataTable columns={columns} rows={data.items} rowKey={(m) => String(m.id)} />
            </div>
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
