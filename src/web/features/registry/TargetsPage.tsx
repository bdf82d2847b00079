// Targets: how many models of a type each province (and the country) should have by the end of
// a year. National targets only for national-scope users; the server checks the same.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { FilterBar, SelectFilter } from '../../components/ListPage';
import { ErrorNotice, QueryView } from '../../components/Status';
import { todayIso } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { useSearchState } from '../../lib/use-search-state';
import { useMe } from '../../lib/session';
import { useModelTypes, useProvinces } from '../../lib/reference';
import { RegistryTabs } from './RegistryTabs';
import { useRegistryT } from './use-registry-t';
import '../../styles/form-widgets.css';
import './registry.css';

const thisYear = Number(todayIso().slice(0, 4));
const YEARS = Array.from({ length: 5 }, (_, i) => thisYear - 1 + i);
const NATIONAL = 'national';

export function TargetsPage() {
  const t = useRegistryT();
  const me = useMe();
  const types = useModelTypes();
  const provinces = useProvinces(2025);
  const [filters, setFilters] = useSearchState({ year: String(thisYear), type: '' });
  const year = Number(filters.year) || thisYear;
  const type = filters.type || types.data?.[0]?.code || '';
  const queryClient = useQueryClient();
  const targets = useQuery({
    queryKey: ['/api/model-targets', { year }],
    // No placeholder from the year before: the form below starts from the year's saved targets.
    queryFn: ({ signal }) => unwrap(api.GET('/api/model-targets', { params: { query: { year } }, signal })),
  });
  const rows = useMemo(() => {
    const mine = new Set(me.provinces.map((p) => p.code));
    const list = (provinces.data ?? [])
      .filter((p) => me.nationalScope || mine.has(p.code))
      .map((p) => ({ key: p.code, name: p.fullName }));
    return me.nationalScope ? [{ key: NATIONAL, name: t('targets.national') }, ...list] : list;
  }, [provinces.data, me, t]);

  return (
    <div className="page page-narrow">
      <h1>{t('registry.title')}</h1>
      <RegistryTabs />
      <p className="lead">{t('targets.intro')}</p>
      <FilterBar search={false}>
        <SelectFilter
          id="targets-year"
          label={t('stats.year')}
          value={String(year)}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          onChange={(value) => setFilters({ year: value })}
        />
        <SelectFilter
          id="targets-type"
          label={t('models.type')}
          value={type}
          grow
          options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
          onChange={(value) => setFilters({ type: value })}
        />
      </FilterBar>
      <QueryView state={targets}>
        {(data) => (
          <TargetsForm
            key={`${year}-${type}`}
            year={year}
            type={type}
            rows={rows}
            saved={
              new Map(
                data.items
                  .filter((i) => i.modelType === type)
                  .map((i) => [i.provinceCode ?? NATIONAL, String(i.target)]),
              )
            }
            onSaved={(view) => {
              queryClient.setQueryData(['/api/model-targets', { year }], view);
              // The statistics show achievement against the targets.
              void queryClient.invalidateQueries({ queryKey: ['/api/models/stats'] });
            }}
          />
        )}
      </QueryView>
    </div>
  );
}

interface TargetsFormProps {
  year: number;
  type: string;
  rows: { key: string; name: string }[];
  saved: Map<string, string>;
  onSaved(view: Awaited<ReturnType<typeof saveTargets>>): void;
}

function saveTargets(
  year: number,
  targets: { modelType: string; provinceCode: string | null; target: number | null }[],
) {
  return unwrap(api.PUT('/api/model-targets', { body: { year, targets } }));
}

function TargetsForm({ year, type, rows, saved, onSaved }: TargetsFormProps) {
  const t = useRegistryT();
  const [values, setValues] = useState<Map<string, string>>(() => new Map(saved));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  useEffect(() => setDone(false), [values]);
  const changed = rows.filter((r) => (values.get(r.key) ?? '') !== (saved.get(r.key) ?? ''));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (changed.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const view = await saveTargets(
        year,
        changed.map((r) => ({
          modelType: type,
          provinceCode: r.key === NATIONAL ? null : r.key,
          target: values.get(r.key) ? Number(values.get(r.key)) : null,
        })),
      );
      onSaved(view);
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate>
      {error !== null && <ErrorNotice error={error} />}
      {fieldError(error, 'targets') && <p className="field-error">{fieldError(error, 'targets')}</p>}
      <table className="rec-grid reg-targets">
        <thead>
          <tr>
            <th scope="col">{t('stats.province')}</th>
            <th scope="col" className="reg-n">
              {t('targets.target')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.key === NATIONAL ? 'reg-overall' : undefined}>
              <th scope="row">
                <label htmlFor={`target-${r.key}`}>{r.name}</label>
              </th>
              <td className="reg-n">
                <input
                  id={`target-${r.key}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={values.get(r.key) ?? ''}
                  onChange={(event) =>
                    setValues(new Map(values).set(r.key, event.target.value.replace(/\D/g, '').slice(0, 6)))
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rec-submit-bar">
        <button type="submit" className="button button-primary" disabled={busy || changed.length === 0}>
          {busy
            ? t('form.saving')
            : changed.length === 0
              ? t('targets.noChange')
              : t('targets.save', { count: changed.length })}
        </button>
        {done && (
          <span className="rec-ok" role="status">
            ✓ {t('targets.saved')}
          </span>
        )}
      </div>
      <small className="field-hint">{t('targets.hint')}</small>
    </form>
  );
}
