// A model's dated status history, and the change the server allows: active ⇄ inactive, merge into
// another model of the province, dissolve; a merged or dissolved model only comes back by reopen,
// with a reason.
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/Status';
import { formatDate, todayIso } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { useDebounced } from '../../lib/use-debounced';
import { statusTransitionAllowed } from '../../../shared/model-types';
import { MODEL_STATUSES, STATUS_BADGE, type ModelStatus, type ModelView } from './model-codes';
import { useRegistryT } from './use-registry-t';

interface StatusPanelProps {
  model: ModelView;
  onChanged(model: ModelView): void;
  onConflict(): void;
}

export function StatusPanel({ model, onChanged, onConflict }: StatusPanelProps) {
  const t = useRegistryT();
  const canChange = model.allowedActions.includes('change_status');
  const canReopen = model.allowedActions.includes('reopen');
  const [open, setOpen] = useState(false);

  return (
    <section className="panel" aria-labelledby="model-status-title">
      <h2 id="model-status-title">{t('status.title')}</h2>
      <ol className="reg-history">
        {[...model.history].reverse().map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <span className={STATUS_BADGE[h.status]}>{t(`status.${h.status}`)}</span>{' '}
            <strong>{formatDate(h.effectiveOn)}</strong>
            {h.mergedInto && (
              <>
                {' '}
                → <Link to={`/models/${h.mergedInto.id}`}>{h.mergedInto.name}</Link>
              </>
            )}
            {h.note && <span className="block">{h.note}</span>}
            {h.by && <small className="block muted">{h.by}</small>}
          </li>
        ))}
      </ol>
      {model.mergedFrom.length > 0 && (
        <p className="muted">
          {t('status.mergedFrom')}{' '}
          {model.mergedFrom.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ', '}
              <Link to={`/models/${m.id}`}>{m.name}</Link>
            </span>
          ))}
        </p>
      )}
      {(canChange || canReopen) &&
        (open ? (
          <StatusForm
            model={model}
            reopen={canReopen}
            onCancel={() => setOpen(false)}
            onChanged={(next) => {
              setOpen(false);
              onChanged(next);
            }}
            onConflict={onConflict}
          />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {t(canReopen ? 'status.reopen' : 'status.change')}
          </button>
        ))}
    </section>
  );
}

interface StatusFormProps {
  model: ModelView;
  reopen: boolean;
  onChanged(model: ModelView): void;
  onCancel(): void;
  onConflict(): void;
}

function StatusForm({ model, reopen, onChanged, onCancel, onConflict }: StatusFormProps) {
  const t = useRegistryT();
  const choices = MODEL_STATUSES.filter((s) => statusTransitionAllowed(model.status, s, reopen));
  const [status, setStatus] = useState<ModelStatus>(choices[0] ?? 'active');
  const [effectiveOn, setEffectiveOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [target, setTarget] = useState<{ id: number; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await unwrap(
          api.POST('/api/models/{id}/status', {
            params: { path: { id: model.id } },
            body: {
              version: model.version,
              status,
              effectiveOn,
              note: note.trim() || null,
              mergedIntoId: status === 'merged' ? (target?.id ?? null) : null,
              reopen: reopen || undefined,
            },
          }),
        ),
      );
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 409 && failure.field === 'version') onConflict();
      else setError(failure);
    }
  }

  const shown = ['effectiveOn', 'note', 'mergedIntoId'];
  return (
    <form className="reg-inline-form" onSubmit={(event) => void submit(event)} noValidate>
      {error !== null && !shown.some((f) => fieldError(error, f)) && <ErrorNotice error={error} />}
      {!reopen && (
        <div className="field">
          <label htmlFor="status-new">{t('status.new')}</label>
          <select id="status-new" value={status} onChange={(event) => setStatus(event.target.value as ModelStatus)}>
            {choices.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {status === 'merged' && (
        <MergeTarget model={model} value={target} onChange={setTarget} error={fieldError(error, 'mergedIntoId')} />
      )}
      <Field id="status-date" label={t('status.effectiveOn')} error={fieldError(error, 'effectiveOn')} required>
        <DateField id="status-date" value={effectiveOn} required onChange={setEffectiveOn} />
      </Field>
      <Field
        id="status-note"
        label={t(reopen ? 'status.reopenReason' : 'status.note')}
        error={fieldError(error, 'note')}
        required={reopen}
      >
        <input id="status-note" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <p className="rec-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t(reopen ? 'status.confirmReopen' : 'status.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </p>
    </form>
  );
}

interface MergeTargetProps {
  model: ModelView;
  value: { id: number; name: string } | null;
  onChange(value: { id: number; name: string } | null): void;
  error?: string;
}

/** Another live model of the same province to merge into, found by name. */
function MergeTarget({ model, value, onChange, error }: MergeTargetProps) {
  const t = useRegistryT();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const query = { province: model.provinceCode, q: q || undefined, limit: 10 };
  const results = useQuery({
    queryKey: ['/api/models', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/models', { params: { query }, signal })),
    enabled: value === null,
    placeholderData: keepPreviousData,
  });
  const items = (results.data?.items ?? []).filter(
    (m) => m.id !== model.id && (m.status === 'active' || m.status === 'inactive'),
  );
  if (value)
    return (
      <div className={error ? 'field has-error' : 'field'}>
        <span className="rec-label">{t('status.mergeInto')}</span>
        <div className="rec-chosen">
          <strong>{value.name}</strong>
          <button type="button" className="button button-small" onClick={() => onChange(null)}>
            {t('status.changeTarget')}
          </button>
        </div>
        {error && <small className="field-error">{error}</small>}
      </div>
    );
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor="status-merge">{t('status.mergeInto')}</label>
      <input
        id="status-merge"
        type="search"
        value={text}
        autoComplete="off"
        placeholder={t('status.mergePlaceholder')}
        onChange={(event) => setText(event.target.value)}
      />
      <ul className="rec-results" aria-busy={results.isFetching}>
        {items.map((m) => (
          <li key={m.id}>
            <button type="button" onClick={() => onChange({ id: m.id, name: m.name })}>
              {m.name}
              <small className="block muted">
                {m.type.name} · {m.commune.name}
              </small>
            </button>
          </li>
        ))}
        {!results.isFetching && items.length === 0 && <li className="muted">{t('status.noTarget')}</li>}
      </ul>
      {error && <small className="field-error">{error}</small>}
    </div>
  );
}
