// An indicator's targets for one year: national and per province, edited in place (an emptied box
// deletes the target) when the server allows it, or imported from a file.
import { useEffect, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorNotice, QueryView } from '../../components/Status';
import { formatNumber, todayIso } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { useProvinces } from '../../lib/reference';
import { useMe } from '../../lib/session';
import { parseAmount, yearChoices, type IndicatorView, type TargetView } from './shared';
import { useAnalyticsT } from './use-analytics-t';

const thisYear = Number(todayIso().slice(0, 4));
const NATIONAL = 'national';

export function TargetsPanel({ indicator }: { indicator: IndicatorView }) {
  const t = useAnalyticsT();
  const me = useMe();
  const [year, setYear] = useState(thisYear);
  const canEdit = indicator.allowedActions.includes('set_targets');
  const provinces = useProvinces(2025);
  const queryClient = useQueryClient();
  const query = { indicator: indicator.code, year };
  const targets = useQuery({
    queryKey: ['/api/indicator-targets', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/indicator-targets', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
  // Targets are shown on the dashboard and in the pivot: those ask again when next opened.
  const resultsChanged = () => {
    void queryClient.invalidateQueries({ queryKey: ['/api/analytics/dashboard'] });
    void queryClient.invalidateQueries({ queryKey: ['/api/pivot'] });
  };
  const places = [
    ...(me.nationalScope ? [{ code: NATIONAL, name: t('detail.targetNational') }] : []),
    ...(provinces.data ?? [])
      .filter((p) => me.nationalScope || me.provinces.some((mine) => mine.code === p.code))
      .map((p) => ({ code: p.code, name: p.name })),
  ];

  return (
    <section className="panel" aria-labelledby="ind-targets">
      <h2 id="ind-targets">{t('detail.targets')}</h2>
      <p className="muted an-small">{t('detail.targetsIntro')}</p>
      <div className="field">
        <label htmlFor="target-year">{t('common.year')}</label>
        <select id="target-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {yearChoices(thisYear).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <QueryView state={targets}>
        {(list) =>
          canEdit ? (
            <TargetsForm
              indicator={indicator}
              year={year}
              places={places}
              targets={list}
              onSaved={(list) => {
                queryClient.setQueryData(['/api/indicator-targets', query], list);
                resultsChanged();
              }}
            />
          ) : (
            <TargetsList places={places} targets={list} />
          )
        }
      </QueryView>
      {canEdit && (
        <TargetsImport
          onDone={() => {
            void queryClient.invalidateQueries({ queryKey: ['/api/indicator-targets'] });
            resultsChanged();
          }}
        />
      )}
    </section>
  );
}

const keyOf = (target: TargetView) => target.province ?? NATIONAL;
const draftOf = (targets: TargetView[]) => Object.fromEntries(targets.map((x) => [keyOf(x), String(x.target)]));

function TargetsList({ places, targets }: { places: { code: string; name: string }[]; targets: TargetView[] }) {
  const t = useAnalyticsT();
  const byPlace = new Map(targets.map((x) => [keyOf(x), x.target]));
  const shown = places.filter((p) => byPlace.has(p.code));
  if (shown.length === 0) return <p className="muted">{t('detail.targetsEmpty')}</p>;
  return (
    <ul className="an-target-list">
      {shown.map((p) => (
        <li key={p.code}>
          <span>{p.name}</span> <strong>{formatNumber(byPlace.get(p.code)!)}</strong>
        </li>
      ))}
    </ul>
  );
}

interface TargetsFormProps {
  indicator: IndicatorView;
  year: number;
  places: { code: string; name: string }[];
  targets: TargetView[];
  onSaved: (targets: TargetView[]) => void;
}

function TargetsForm({ indicator, year, places, targets, onSaved }: TargetsFormProps) {
  const t = useAnalyticsT();
  const [draft, setDraft] = useState<Record<string, string>>(() => draftOf(targets));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  useEffect(() => setDraft(draftOf(targets)), [targets]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const before = draftOf(targets);
    const changed = places.filter((p) => (draft[p.code] ?? '').trim() !== (before[p.code] ?? ''));
    const bad = changed.find((p) => (draft[p.code] ?? '').trim() !== '' && parseAmount(draft[p.code]!) === null);
    if (bad) return setMessage(t('detail.targetInvalid', { place: bad.name }));
    const items = changed.map((p) => ({
      indicator: indicator.code,
      year,
      province: p.code === NATIONAL ? null : p.code,
      target: (draft[p.code] ?? '').trim() === '' ? null : parseAmount(draft[p.code]!),
    }));
    setError(null);
    if (items.length === 0) return setMessage(t('detail.targetsUnchanged'));
    setBusy(true);
    try {
      await unwrap(api.PUT('/api/indicator-targets', { body: { items } }));
      setMessage(t('detail.targetsSaved', { n: formatNumber(items.length) }));
      onSaved(
        await unwrap(api.GET('/api/indicator-targets', { params: { query: { indicator: indicator.code, year } } })),
      );
    } catch (failure) {
      setError(failure);
      setMessage('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      {error !== null && !fieldError(error, 'items') && <ErrorNotice error={error} />}
      {fieldError(error, 'items') && <p className="field-error">{fieldError(error, 'items')}</p>}
      <div className="an-target-grid">
        {places.map((p) => (
          <div key={p.code} className="an-target-cell">
            <label htmlFor={`target-${p.code}`}>{p.name}</label>
            <input
              id={`target-${p.code}`}
              inputMode="decimal"
              value={draft[p.code] ?? ''}
              onChange={(event) => setDraft({ ...draft, [p.code]: event.target.value })}
            />
          </div>
        ))}
      </div>
      <div className="action-row an-start">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {message && (
          <span role="status" className="muted">
            {message}
          </span>
        )}
      </div>
    </form>
  );
}

type ImportReport = { accepted: number; rejected: { row: number; field: string; message: string }[] };

function TargetsImport({ onDone }: { onDone: () => void }) {
  const t = useAnalyticsT();
  const [file, setFile] = useState<File | null>(null);
  const [acceptValid, setAcceptValid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const form = new FormData();
      form.append('acceptValid', acceptValid ? 'true' : 'false');
      form.append('file', file, file.name);
      // Multipart, which the OpenAPI spec does not describe: openapi-fetch sends FormData as is.
      setReport(await unwrap(api.POST('/api/indicator-targets/import', { body: form as never })));
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="an-import">
      <summary>{t('detail.import')}</summary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted an-small">{t('detail.importHint')}</p>
        <div className="field">
          <label htmlFor="targets-file">{t('detail.importFile')}</label>
          <input
            id="targets-file"
            type="file"
            accept=".xlsx,.csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <label className="checkbox-inline">
          <input type="checkbox" checked={acceptValid} onChange={(event) => setAcceptValid(event.target.checked)} />
          {t('detail.importAcceptValid')}
        </label>
        <div className="action-row an-start">
          <button type="submit" className="button button-secondary" disabled={busy || !file}>
            {busy ? t('common.saving') : t('detail.importRun')}
          </button>
        </div>
        {error !== null && <ErrorNotice error={error} />}
        {report && (
          <div role="status">
            <p>{t('detail.importDone', { n: formatNumber(report.accepted) })}</p>
            {report.rejected.length > 0 && (
              <ul className="an-rejected">
                {report.rejected.map((r) => (
                  <li key={`${r.row}-${r.field}`}>
                    {t('detail.importRejected', { row: r.row, field: r.field, message: r.message })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </details>
  );
}
