// "Gửi xuống các tỉnh": the centre picks provinces from a checklist (search, select all / none);
// provinces that already have a plan are shown ticked and cannot be picked again.
import { useId, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice, QueryView } from '../../../components/Status';
import { fieldError } from '../../../lib/field-error';
import type { PlanView } from '../plan-types';
import { usePlanT } from '../use-plan-t';
import { matchesWords } from './cascade-overview';
import { cascadeKey, useCascadeOverview } from './use-cascade-overview';

interface Props {
  plan: PlanView;
  onClose(): void;
  /** After a send: what to tell the user. */
  onSent(text: string): void;
}

export function SendToProvincesDialog({ plan, onClose, onSent }: Props) {
  const t = usePlanT();
  const queryClient = useQueryClient();
  const overview = useCascadeOverview(plan.id);
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = { search: useId(), list: useId(), problem: useId() };

  const provinces = useMemo(() => overview.data?.provinces ?? [], [overview.data]);
  const open = provinces.filter((p) => p.stage === 'not_sent');
  const shown = provinces.filter((p) => matchesWords(p.name, q));
  const shownOpen = shown.filter((p) => p.stage === 'not_sent').map((p) => p.code);

  const toggle = (code: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  const setMany = (codes: string[], on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      for (const code of codes)
        if (on) next.add(code);
        else next.delete(code);
      return next;
    });

  async function submit() {
    const codes = open.map((p) => p.code).filter((c) => chosen.has(c));
    if (codes.length === 0) {
      setProblem(t('send.required'));
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      const result = await unwrap(
        api.POST('/api/plans/{id}/send-to-provinces', {
          params: { path: { id: plan.id } },
          body: { provinceCodes: codes },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: cascadeKey(plan.id) });
      const text = [
        t('send.done', { count: result.created.length }),
        result.existing.length > 0 ? t('send.done.existing', { count: result.existing.length }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      onSent(text);
    } catch (failure) {
      setBusy(false);
      setError(failure);
      // Someone else may have sent some of them meanwhile: show the provinces as they are now.
      void queryClient.invalidateQueries({ queryKey: cascadeKey(plan.id) });
    }
  }

  const count = open.filter((p) => chosen.has(p.code)).length;
  const atField = fieldError(error, 'provinceCodes');
  return (
    <Dialog
      title={t('send.action')}
      submitLabel={busy ? t('action.working') : t('send.submit', { count })}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <p>{t('send.intro')}</p>
      {error !== null && !atField && <ErrorNotice error={error} />}
      <QueryView state={overview}>
        {() => (
          <div className="send-provinces">
            <div className="field">
              <label htmlFor={ids.search}>{t('send.search')}</label>
              <input
                id={ids.search}
                type="search"
                value={q}
                autoComplete="off"
                onChange={(event) => setQ(event.target.value)}
              />
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                disabled={shownOpen.length === 0}
                onClick={() => setMany(shownOpen, true)}
              >
                {t('send.all')}
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={shownOpen.every((c) => !chosen.has(c))}
                onClick={() => setMany(shownOpen, false)}
              >
                {t('send.none')}
              </button>
            </div>
            <fieldset
              className="province-checklist"
              aria-describedby={problem || atField ? ids.problem : undefined}
              aria-invalid={problem || atField ? true : undefined}
            >
              <legend id={ids.list}>{t('send.list')}</legend>
              {shown.length === 0 && <p className="muted">{t('send.noMatch', { q })}</p>}
              <ul>
                {shown.map((p) => {
                  const done = p.stage !== 'not_sent';
                  return (
                    <li key={p.code} className={done ? 'is-done' : undefined}>
                      <label>
                        <input
                          type="checkbox"
                          checked={done || chosen.has(p.code)}
                          disabled={done || busy}
                          onChange={(event) => toggle(p.code, event.target.checked)}
                        />
                        <span>{p.name}</span>
                        {done && <small className="muted"> ({t('send.already')})</small>}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            {(problem || atField) && (
              <p id={ids.problem} className="field-error" role="alert">
                {problem ?? atField}
              </p>
            )}
            <p className="muted small" role="status">
              {t('send.selected', { count })}
            </p>
          </div>
        )}
      </QueryView>
    </Dialog>
  );
}
