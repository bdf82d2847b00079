import { api, unwrap } from '../../api/client';
import type * as ApiTypes from '../../api/types';
import { useT } from '../../i18n/I18nProvider';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryView } from '../../components/Status';
import { useListQuery, useListState } from '../../lib/use-list-state';

type EthnicGroup = ApiTypes.EthnicGroupView;

export function EthnicGroupsPage() {
  const t = useT();
  const { filters, text, setText } = useListState({});
  // 54 groups: one answer holds them all, so there is no pager.
  const query = { q: filters.q || undefined, limit: 100 };
  const groups = useListQuery(['/api/ethnic-groups', query], (signal) =>
    unwrap(api.GET('/api/ethnic-groups', { params: { query }, signal })),
  );

  const columns: Column<EthnicGroup>[] = [
    {
      key: 'code2008',
      header: t('ethnic.col.code2008'),
      className: 'col-code',
      cell: (g) => (
        <>
          <span className="code">{g.code2008}</span>
          {!g.code2008Verified && (
            <span className="badge badge-warn" title={t('ethnic.unverified.title')}>
              {t('ethnic.unverified')}
            </span>
          )}
        </>
      ),
    },
    {
      key: 'code1979',
      header: t('ethnic.col.code1979'),
      className: 'col-code',
      cell: (g) => <span className="code">{g.code1979}</span>,
    },
    {
      key: 'name',
      header: t('ethnic.col.name'),
      className: 'col-name',
      cell: (g) => (
        <>
          <strong>{g.name}</strong>
          {g.name1979 && g.name1979 !== g.name && (
            <small className="muted block">{t('ethnic.name1979', { name: g.name1979 })}</small>
          )}
        </>
      ),
    },
    { key: 'other', header: t('ethnic.col.otherNames'), cell: (g) => g.otherNames.join(', ') || '—' },
    { key: 'language', header: t('ethnic.col.languageGroup'), cell: (g) => g.languageGroup },
    {
      key: 'minority',
      header: t('ethnic.col.minority'),
      cell: (g) => (g.isMinority ? t('common.yes') : t('common.no')),
    },
  ];

  return (
    <div className="page">
      <h1>{t('nav.ethnicGroups')}</h1>
      <p className="lead">{t('ethnic.intro')}</p>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="eg-q">{t('ethnic.search')}</label>
          <input
            id="eg-q"
            type="search"
            value={text}
            placeholder={t('ethnic.search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      </form>
      <QueryView state={groups} isEmpty={(data) => data.total === 0} empty={t('ethnic.empty')}>
        {(data) => (
          <>
            {data.items.some((g) => !g.code2008Verified) && (
              <p className="notice notice-info">{t('ethnic.unverified.note')}</p>
            )}
            <p className="result-count">{t('ethnic.count', { count: data.total })}</p>
            <DataTable columns={columns} rows={data.items} rowKey={(g) => String(g.id)} />
          </>
        )}
      </QueryView>
    </div>
  );
}
