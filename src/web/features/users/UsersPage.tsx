import { useMemo } from 'react';
import { Link } from 'react-router';
import { ROLES } from '../../../shared/permissions';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterBar, ListResults, SearchFilter, SelectFilter } from '../../components/ListPage';
import { sortValue, useListQuery, useListState } from '../../lib/use-list-state';
import { hasPermission, useMe } from '../../lib/session';
import { useProvinces } from '../../lib/reference';
import { roleLabel, roleOptions, type UserView } from './user-options';

const PAGE_SIZE = 50;

/** The columns the server sorts by (users.schemas.ts USER_SORT_KEYS). */
const SORTS = ['username', 'name', 'role'] as const;

export function UsersPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const list = useListState({ role: '', province: '', disabled: '' });
  const { filters } = list;
  const role = ROLES.find((r) => r === filters.role);
  const provinces = useProvinces(2025);
  const provinceNames = useMemo(() => new Map(provinces.data?.map((p) => [p.code, p.name])), [provinces.data]);

  const query = {
    q: filters.q || undefined,
    role,
    province: filters.province || undefined,
    includeDisabled: filters.disabled === '1' || undefined,
    sort: sortValue(list.sort.value, SORTS),
    ...list.page(PAGE_SIZE),
  };
  const users = useListQuery(['/api/users', query], (signal) =>
    unwrap(api.GET('/api/users', { params: { query }, signal })),
  );

  const columns: Column<UserView>[] = [
    {
      key: 'name',
      sort: 'name',
      header: t('users.displayName'),
      cell: (u) => (
        <>
          <Link to={`/users/${u.id}`}>{u.displayName}</Link>
          <small className="muted block code">{u.username}</small>
        </>
      ),
    },
    { key: 'role', sort: 'role', header: t('users.role'), cell: (u) => roleLabel(u.role, lang) },
    { key: 'agency', header: t('users.agency'), cell: (u) => u.agency.name },
    {
      key: 'scope',
      header: t('users.scope'),
      cell: (u) =>
        u.nationalScope
          ? t('users.scope.national')
          : u.provinces.map((code) => provinceNames.get(code) ?? code).join(', '),
    },
    {
      key: 'status',
      header: t('users.status'),
      cell: (u) =>
        u.disabled ? (
          <span className="badge badge-disabled">{t('users.status.disabled')}</span>
        ) : (
          <span className="badge badge-full">{t('users.status.active')}</span>
        ),
    },
  ];

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{t('nav.users')}</h1>
        {hasPermission(me, 'user:manage') && (
          <Link className="button button-primary" to="/users/new">
            {t('users.create')}
          </Link>
        )}
      </div>
      <FilterBar>
        <SearchFilter
          id="users-q"
          label={t('users.search')}
          placeholder={t('users.search.placeholder')}
          value={list.text}
          onChange={list.setText}
        />
        <SelectFilter
          id="users-role"
          label={t('users.role')}
          value={role ?? ''}
          allLabel={t('filter.all')}
          options={roleOptions(lang)}
          onChange={(value) => list.set({ role: value })}
        />
        <SelectFilter
          id="users-province"
          label={t('adminUnits.province')}
          value={filters.province}
          allLabel={t('filter.allProvinces')}
          options={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
          onChange={(value) => list.set({ province: value })}
        />
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={filters.disabled === '1'}
            onChange={(event) => list.set({ disabled: event.target.checked ? '1' : '' })}
          />
          {t('users.includeDisabled')}
        </label>
      </FilterBar>
      <ListResults
        state={users}
        pageSize={PAGE_SIZE}
        offset={list.offset}
        onPage={list.setOffset}
        empty={t('users.empty')}
        count={(data) => t('users.count', { count: formatNumber(data.total) })}
      >
        {(data) => <DataTable columns={columns} rows={data.items} rowKey={(u) => String(u.id)} sort={list.sort} />}
      </ListResults>
    </div>
  );
}
