// The registry: models in the user's scope, filtered by type, province, status, women's ownership
// and technology 4.0, searched without diacritics ("to truyen thong" finds "Tổ truyền thông").
import { useMemo } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterBar, ListResults, SearchFilter, SelectFilter } from '../../components/ListPage';
import { formatDate, formatNumber } from '../../i18n/format';
import { hasPermission, useMe } from '../../lib/session';
import { sortValue, useListQuery, useListState } from '../../lib/use-list-state';
import { useModelTypes, useProvinces } from '../../lib/reference';
import { MODEL_STATUSES, STATUS_BADGE, TECH_FLAGS, WOMEN_OWNERSHIP, type ModelSummary } from './model-codes';
import { MoreFilters } from '../../components/MoreFilters';
import { RegistryTabs } from './RegistryTabs';
import { useRegistryT } from './use-registry-t';
import '../../styles/form-widgets.css';
import './registry.css';

const PAGE_SIZE = 20;

/** The columns the server sorts by (registry.schemas.ts MODEL_SORT_KEYS). */
const SORTS = ['name', 'status', 'founded', 'created'] as const;

export function ModelsPage() {
  const t = useRegistryT();
  const me = useMe();
  const list = useListState({ type: '', province: '', status: '', women: '', tech: '' });
  const { filters } = list;
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
    sort: sortValue(list.sort.value, SORTS),
    ...list.page(PAGE_SIZE),
  };
  const models = useListQuery(['/api/models', query], (signal) =>
    unwrap(api.GET('/api/models', { params: { query }, signal })),
  );

  const columns: Column<ModelSummary>[] = [
    {
      key: 'name',
      sort: 'name',
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
      sort: 'status',
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
      <FilterBar>
        <SearchFilter
          id="models-q"
          label={t('models.search')}
          placeholder={t('models.searchPlaceholder')}
          value={list.text}
          onChange={list.setText}
        />
        <MoreFilters
          active={[filters.type, filters.province, filters.status, filters.women, filters.tech].filter(Boolean).length}
        >
          <SelectFilter
            id="models-type"
            label={t('models.type')}
            value={filters.type}
            allLabel={t('filter.allTypes')}
            options={(types.data ?? []).map((type) => ({ value: type.code, label: type.name }))}
            onChange={(type) => list.set({ type })}
          />
          {provinceOptions.length > 1 && (
            <SelectFilter
              id="models-province"
              label={t('models.province')}
              value={filters.province}
              allLabel={t('filter.allProvinces')}
              options={provinceOptions.map((p) => ({ value: p.code, label: p.name }))}
              onChange={(province) => list.set({ province })}
            />
          )}
          <SelectFilter
            id="models-status"
            label={t('models.status')}
            value={status ?? ''}
            allLabel={t('filter.allStatuses')}
            options={MODEL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            onChange={(status) => list.set({ status })}
          />
          <SelectFilter
            id="models-women"
            label={t('models.women')}
            value={women ?? ''}
            allLabel={t('filter.all')}
            options={[
              { value: 'any', label: t('women.any') },
              ...WOMEN_OWNERSHIP.map((w) => ({ value: w, label: t(`women.${w}`) })),
            ]}
            onChange={(women) => list.set({ women })}
          />
          <SelectFilter
            id="models-tech"
            label={t('models.tech')}
            value={tech ?? ''}
            allLabel={t('filter.all')}
            options={TECH_FLAGS.map((f) => ({ value: f, label: t(`tech.${f}`) }))}
            onChange={(tech) => list.set({ tech })}
          />
        </MoreFilters>
      </FilterBar>
      <ListResults
        state={models}
        pageSize={PAGE_SIZE}
        offset={list.offset}
        onPage={list.setOffset}
        empty={t('models.empty')}
        count={(data) => t('models.count', { count: formatNumber(data.total) })}
      >
        {(data) => (
          <div className="rec-cards">
            <DataTable columns={columns} rows={data.items} rowKey={(m) => String(m.id)} sort={list.sort} />
          </div>
        )}
      </ListResults>
    </div>
  );
}
