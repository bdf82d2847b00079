// Monthly counts of a model: its activity log (meetings, support given, cases referred) and, for a
// trusted address, the number of cases by type. Counts only — never a person.
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/Status';
import { formatNumber, todayIso } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { ACTIVITY_KINDS, CASE_TYPES, type ModelView } from './model-codes';
import { useRegistryT, type RegistryTranslate } from './use-registry-t';

/** "2026-03" → "03/2026". */
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

type Entry = { month: string; key: string; count: number };

function byMonth(entries: Entry[]): [string, Map<string, number>][] {
  const months = new Map<string, Map<string, number>>();
  for (const e of entries) {
    const row = months.get(e.month) ?? new Map<string, number>();
    row.set(e.key, e.count);
    months.set(e.month, row);
  }
  return [...months.entries()].sort((a, b) => b[0].localeCompare(a[0]));
}

interface CountsTableProps {
  caption: string;
  keys: readonly string[];
  label(key: string): string;
  entries: Entry[];
}

function CountsTable({ caption, keys, label, entries }: CountsTableProps) {
  const t = useRegistryT();
  const rows = byMonth(entries);
  if (rows.length === 0) return <p className="muted">{t('log.none')}</p>;
  const total = (key: string) => entries.filter((e) => e.key === key).reduce((sum, e) => sum + e.count, 0);
  return (
    <div className="rec-grid-wrap">
      <table className="rec-grid rec-grid-read reg-counts">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('log.month')}</th>
            {keys.map((k) => (
              <th key={k} scope="col" className="reg-n">
                {label(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([month, counts]) => (
            <tr key={month}>
              <th scope="row">{monthLabel(month)}</th>
              {keys.map((k) => (
                <td key={k} className="reg-n">
                  {counts.has(k) ? formatNumber(counts.get(k)!) : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('log.total')}</th>
            {keys.map((k) => (
              <td key={k} className="reg-n">
                {formatNumber(total(k))}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

interface MonthFormProps {
  idPrefix: string;
  keys: readonly string[];
  label(key: string): string;
  existing: Entry[];
  onSave(month: string, counts: Record<string, number>): Promise<void>;
}

/** One month's counts: choosing a month already logged shows what was saved. */
function MonthForm({ idPrefix, keys, label, existing, onSave }: MonthFormProps) {
  const t = useRegistryT();
  const thisMonth = todayIso().slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const saved = (m: string) =>
    Object.fromEntries(keys.map((k) => [k, String(existing.find((e) => e.month === m && e.key === k)?.count ?? '')]));
  const [counts, setCounts] = useState<Record<string, string>>(() => saved(thisMonth));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await onSave(month, Object.fromEntries(keys.map((k) => [k, Number(counts[k] || 0)])));
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="reg-inline-form" onSubmit={(event) => void submit(event)} noValidate>
      {error !== null && <ErrorNotice error={error} />}
      <div className="reg-month-row">
        <div className={fieldError(error, 'entries') ? 'field has-error' : 'field'}>
          <label htmlFor={`${idPrefix}-month`}>{t('log.month')}</label>
          <input
            id={`${idPrefix}-month`}
            type="month"
            value={month}
            max={thisMonth}
            onChange={(event) => {
              setMonth(event.target.value);
              setCounts(saved(event.target.value));
              setDone(false);
            }}
          />
        </div>
        {keys.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`${idPrefix}-${k}`}>{label(k)}</label>
            <input
              id={`${idPrefix}-${k}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={counts[k] ?? ''}
              onChange={(event) => setCounts({ ...counts, [k]: event.target.value.replace(/\D/g, '').slice(0, 6) })}
            />
          </div>
        ))}
      </div>
      <p className="rec-actions">
        <button type="submit" className="button button-secondary" disabled={busy || !month}>
          {t('log.save')}
        </button>
        {done && (
          <span className="rec-ok" role="status">
            ✓ {t('log.saved')}
          </span>
        )}
      </p>
      <small className="field-hint">{t('log.zeroHint')}</small>
    </form>
  );
}

const activityLabel = (t: RegistryTranslate) => (key: string) => t(`kind.${key as (typeof ACTIVITY_KINDS)[number]}`);
const caseLabel = (t: RegistryTranslate) => (key: string) => t(`case.${key as (typeof CASE_TYPES)[number]}`);

export function ActivityLogPanel({ model, onChanged }: { model: ModelView; onChanged(model: ModelView): void }) {
  const t = useRegistryT();
  const entries = model.activity.map((a) => ({ month: a.month, key: a.kind, count: a.count }));
  return (
    <section className="panel" aria-labelledby="model-log-title">
      <h2 id="model-log-title">{t('log.title')}</h2>
      <CountsTable caption={t('log.title')} keys={ACTIVITY_KINDS} label={activityLabel(t)} entries={entries} />
      {model.allowedActions.includes('log_activity') && (
        <details className="reg-details">
          <summary>{t('log.add')}</summary>
          <MonthForm
            idPrefix="log"
            keys={ACTIVITY_KINDS}
            label={activityLabel(t)}
            existing={entries}
            onSave={async (month, counts) =>
              onChanged(
                await unwrap(
                  api.PUT('/api/models/{id}/activity', {
                    params: { path: { id: model.id } },
                    body: { entries: ACTIVITY_KINDS.map((kind) => ({ month, kind, count: counts[kind] ?? 0 })) },
                  }),
                ),
              )
            }
          />
        </details>
      )}
    </section>
  );
}

export function CaseCountsPanel({ model, onSaved }: { model: ModelView; onSaved(): void }) {
  const t = useRegistryT();
  const entries = model.caseCounts.map((c) => ({ month: c.month, key: c.caseType, count: c.count }));
  return (
    <section className="panel" aria-labelledby="model-cases-title">
      <h2 id="model-cases-title">{t('cases.countsTitle')}</h2>
      <p className="muted">{t('cases.countsIntro')}</p>
      <CountsTable caption={t('cases.countsTitle')} keys={CASE_TYPES} label={caseLabel(t)} entries={entries} />
      {model.allowedActions.includes('edit_case_counts') && (
        <details className="reg-details">
          <summary>{t('cases.countsAdd')}</summary>
          <MonthForm
            idPrefix="cases"
            keys={CASE_TYPES}
            label={caseLabel(t)}
            existing={entries}
            onSave={async (month, counts) => {
              await unwrap(
                api.PUT('/api/models/{id}/case-counts', {
                  params: { path: { id: model.id } },
                  body: { entries: CASE_TYPES.map((caseType) => ({ month, caseType, count: counts[caseType] ?? 0 })) },
                }),
              );
              onSaved();
            }}
          />
        </details>
      )}
    </section>
  );
}
