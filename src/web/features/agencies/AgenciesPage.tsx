import { useMemo, useState } from 'react';
import { AgencyDialog } from '../../components/AgencyDialog';
import { hasPermission, useMe } from '../../lib/session';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { formatDate, formatNumber, todayIso } from '../../i18n/format';
import { DataTable, type Column } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { ListResults } from '../../components/ListPage';
import { useListQuery, useListState } from '../../lib/use-list-state';
import { generationAt, useProvinces } from '../../lib/reference';

type Agency = ResponseOf<'/api/agencies', 'get'>['items'][number];

const PAGE_SIZE = 50;

export function AgenciesPage() {
  const t = useT();
  const me = useMe();
  const canAdd = hasPermission(me, 'refdata:manage');
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const today = useMemo(() => todayIso(), []);
  const list = useListState({ at: today, level: '', province: '' });
  const { filters, offset, text, setText } = list;
  const level: 'central' | 'provincial' | undefined =
    filters.level === 'central' || filters.level === 'provincial' ? filters.level : undefined;
  // Provincial branches of the date's generation: 63 provinces before 1/7/2025, 34 after.
  const provinces = useProvinces(generationAt(filters.at));
  const provinceNames = useMemo(() => new Map(provinces.data?.map((p) => [p.code, p.name])), [provinces.data]);

  const query = {
    at: filters.at,
    q: filters.q || undefined,
    level,
    province: filters.province || undefined,
    ...list.page(PAGE_SIZE),
  };
  const agencies = useListQuery(['/api/agencies', query], (signal) =>
    unwrap(api.GET('/api/agencies', { params: { query }, signal })),
  );

  const columns: Column<Agency>[] = [
    {
      key: 'name',
      header: t('agencies.col.name'),
      cell: (a) => (
        <>
          <strong>{a.name}</strong>
          {a.shortName && a.shortName !== a.name && <small className="muted block">{a.shortName}</small>}
        </>
      ),
    },
    { key: 'abbreviation', header: t('agencies.col.abbreviation'), cell: (a) => a.abbreviation },
    {
      key: 'level',
      header: t('agencies.col.level'),
      cell: (a) => t(a.level === 'central' ? 'agencies.level.central' : 'agencies.level.provincial'),
    },
    {
      key: 'province',
      header: t('agencies.col.province'),
      cell: (a) => (a.provinceCode ? (provinceNames.get(a.provinceCode) ?? a.provinceCode) : '—'),
    },
  ];

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{t('nav.agencies')}</h1>
        {canAdd && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            {t('agencies.add')}
          </button>
        )}
      </div>
      {added && (
        <p className="notice notice-success" role="status">
          {t('agencies.added', { name: added })}
        </p>
      )}
      {adding && (
        <AgencyDialog
          onClose={() => setAdding(false)}
          onAdded={(agency) => {
            setAdding(false);
            setAdded(agency.name);
          }}
        />
      )}
      <p className="lead">{t('agencies.intro')}</p>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="ag-at">{t('agencies.at')}</label>
          <DateField
            id="ag-at"
            value={filters.at}
            required
            onChange={(at) => list.set({ at: at || today, province: '' })}
          />
        </div>
        <div className="field field-grow">
          <label htmlFor="ag-q">{t('agencies.search')}</label>
          <input
            id="ag-q"
            type="search"
            value={text}
            placeholder={t('agencies.search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="ag-level">{t('agencies.col.level')}</label>
          <select id="ag-level" value={level ?? ''} onChange={(event) => list.set({ level: event.target.value })}>
            <option value="">{t('filter.all')}</option>
            <option value="central">{t('agencies.level.central')}</option>
            <option value="provincial">{t('agencies.level.provincial')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ag-province">{t('agencies.col.province')}</label>
          <select
            id="ag-province"
            value={filters.province}
            onChange={(event) => list.set({ province: event.target.value })}
          >
            <option value="">{t('filter.allProvinces')}</option>
            {provinces.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ListResults
        state={agencies}
        pageSize={PAGE_SIZE}
        offset={offset}
        onPage={list.setOffset}
        empty={t('agencies.empty')}
        count={(data) => t('agencies.count', { count: formatNumber(data.total), date: formatDate(data.at) })}
      >
        {(data) => (
          <>
            <DataTable columns={columns} rows={data.items} rowKey={(a) => String(a.id)} />
          </>
        )}
      </ListResults>
    </div>
  );
}
