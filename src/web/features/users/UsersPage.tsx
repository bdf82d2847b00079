import { useMemo } from 'react';
import { Link } from 'react-router';
import { ROLES, type Role } from '../../../shared/permissions';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/Status';
import { useAsync } from '../../lib/use-async';
import { useSearchState } from '../../lib/use-search-state';
import { useSearchText } from '../../lib/use-search-text';
import { hasPermission, useMe } from '../auth/SessionProvider';
import { useProvinces } from '../admin-units/provinces';
import { roleLabel, roleOptions, type UserView } from './user-options';

const PAGE_SIZE = 50;

export function UsersPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [filters, setFilters] = useSearchState({ q: '', role: '', province: '', disabled: '', offset: '0' });
  const [text, setText] = useSearchText(filters.q, (q) => setFilters({ q, offset: '' }));
  const role = ROLES.find((r) => r === filters.role);
  const offset = Number(filters.offset) || 0;
  const provinces = useProvinces(2025);
  const provinceNames = useMemo(() => new Map(provinces.data?.map((p) => [p.code, p.name])), [provinces.data]);

  const users = useAsync(
    (signal) =>
      unwrap(
        api.GET('/api/users', {
          params: {
            query: {
              q: filters.q || undefined,
              role,
              province: filters.province || undefined,
              includeDisabled: filters.disabled === '1' || undefined,
              limit: PAGE_SIZE,
              offset,
            },
          },
          signal,
        }),
      ),
    [filters.q, role, filters.province, filters.disabled, offset],
  );

  const columns: Column<UserView>[] = [
    {
      key: 'name',
      header: t('users.displayName'),
      cell: (u) => (
        <>
          <Link to={`/users/${u.id}`}>{u.displayName}</Link>
          <small className="muted block code">{u.username}</small>
        </>
      ),
    },
    { key: 'role', header: t('users.role'), cell: (u) => roleLabel(u.role as Role, lang) },
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
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="users-q">{t('users.search')}</label>
          <input
            id="users-q"
            type="search"
            value={text}
            placeholder={t('users.search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="users-role">{t('users.role')}</label>
          <select
            id="users-role"
            value={role ?? ''}
            onChange={(event) => setFilters({ role: event.target.value, offset: '' })}
          >
            <option value="">{t('filter.all')}</option>
            {roleOptions(lang).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-province">{t('adminUnits.province')}</label>
          <select
            id="users-province"
            value={filters.province}
            onChange={(event) => setFilters({ province: event.target.value, offset: '' })}
          >
            <option value="">{t('filter.allProvinces')}</option>
            {provinces.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={filters.disabled === '1'}
            onChange={(event) => setFilters({ disabled: event.target.checked ? '1' : '', offset: '' })}
          />
          {t('users.includeDisabled')}
        </label>
      </form>
      <QueryView state={users} isEmpty={(data) => data.total === 0} empty={t('users.empty')}>
        {(data) => (
          <>
            <p className="result-count" aria-live="polite">
              {t('users.count', { count: formatNumber(data.total) })}
            </p>
            <DataTable columns={columns} rows={data.items} rowKey={(u) => String(u.id)} />
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
