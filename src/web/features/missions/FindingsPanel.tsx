// What the mission found, optionally tied to a place: added, reworded and removed by its editors.
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/Status';
import { fieldError } from '../../lib/field-error';
import type { MissionView } from './shared';
import { useMonitoringT } from './use-monitoring-t';
import { useConfirm } from '../../components/ConfirmDialog';

interface FindingDraft {
  id: number | null;
  text: string;
  placeId: number | null;
}

export function FindingsPanel({ mission, onSaved }: { mission: MissionView; onSaved(m: MissionView): void }) {
  const { confirm: ask, dialog } = useConfirm();
  const mt = useMonitoringT();
  const editable = mission.allowedActions.includes('edit');
  const [draft, setDraft] = useState<FindingDraft>({ id: null, text: '', placeId: null });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const placeLabel = (id: number | null) => mission.places.find((p) => p.id === id)?.label.split(',')[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { text: draft.text, placeId: draft.placeId };
      const next = draft.id
        ? await unwrap(
            api.PUT('/api/missions/{id}/findings/{findingId}', {
              params: { path: { id: mission.id, findingId: draft.id } },
              body,
            }),
          )
        : await unwrap(api.POST('/api/missions/{id}/findings', { params: { path: { id: mission.id } }, body }));
      onSaved(next);
      setDraft({ id: null, text: '', placeId: null });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove(findingId: number) {
    if (!(await ask(mt('findings.confirmDelete')))) return;
    setError(null);
    try {
      onSaved(
        await unwrap(
          api.DELETE('/api/missions/{id}/findings/{findingId}', { params: { path: { id: mission.id, findingId } } }),
        ),
      );
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="panel" aria-labelledby="mon-findings">
      {dialog}
      <h2 id="mon-findings">{mt('findings.title')}</h2>
      {error !== null && !fieldError(error, 'text') && <ErrorNotice error={error} />}
      {mission.findings.length === 0 ? (
        <p className="muted">{mt('findings.none')}</p>
      ) : (
        <ol className="mon-findings">
          {mission.findings.map((f) => (
            <li key={f.id}>
              {placeLabel(f.placeId) && <span className="badge badge-new">{placeLabel(f.placeId)}</span>}
              <span className="mon-prewrap">{f.text}</span>
              {editable && (
                <span className="mon-row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setDraft({ id: f.id, text: f.text, placeId: f.placeId })}
                  >
                    {mt('common.edit')}
                  </button>
                  <button type="button" className="button button-small" onClick={() => void remove(f.id)}>
                    {mt('common.delete')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <form className="mon-inline-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className={fieldError(error, 'text') ? 'field has-error' : 'field'}>
            <label htmlFor="finding-text">{draft.id ? mt('findings.editLabel') : mt('findings.addLabel')}</label>
            <textarea
              id="finding-text"
              rows={3}
              value={draft.text}
              onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            />
            {fieldError(error, 'text') && <small className="field-error">{fieldError(error, 'text')}</small>}
          </div>
          <div className="field">
            <label htmlFor="finding-place">{mt('findings.place')}</label>
            <select
              id="finding-place"
              value={draft.placeId ?? ''}
              onChange={(e) => setDraft({ ...draft, placeId: Number(e.target.value) || null })}
            >
              <option value="">{mt('findings.anyPlace')}</option>
              {mission.places.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div className="mon-row-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {draft.id ? mt('findings.save') : mt('findings.add')}
            </button>
            {draft.id && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setDraft({ id: null, text: '', placeId: null })}
              >
                {mt('common.cancel')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
