// The recommendations of one mission: each addressed to an agency or a province with a due date.
// The mission's editors add, reword and (while unanswered) delete them; the addressee answers.
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorNotice } from '../../components/Status';
import { fieldError, isFieldError } from '../../lib/field-error';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { useProvinces } from '../../lib/reference';
import { AgencySelect } from '../../components/pickers/AgencySelect';
import { RecommendationCard } from './RecommendationCard';
import type { MissionView, RecommendationView } from './shared';
import { useMonitoringT } from './use-monitoring-t';
import { useConfirm } from '../../components/ConfirmDialog';

interface RecDraft {
  id: number | null;
  version: number;
  text: string;
  kind: 'province' | 'agency';
  provinceCode: string;
  agencyId: number | null;
  dueDate: string;
  findingId: number | null;
}

const empty = (mission: MissionView): RecDraft => ({
  id: null,
  version: 0,
  text: '',
  kind: 'province',
  provinceCode: mission.places[0]?.provinceCode ?? '',
  agencyId: null,
  dueDate: '',
  findingId: null,
});

export function MissionRecommendations({ mission, onChanged }: { mission: MissionView; onChanged(): void }) {
  const { confirm: ask, dialog } = useConfirm();
  const mt = useMonitoringT();
  const editable = mission.allowedActions.includes('edit');
  const [draft, setDraft] = useState<RecDraft | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function remove(rec: RecommendationView) {
    if (!(await ask(mt('rec.confirmDelete')))) return;
    setError(null);
    try {
      await api.DELETE('/api/recommendations/{id}', { params: { path: { id: rec.id } } });
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  function edit(rec: RecommendationView) {
    setDraft({
      id: rec.id,
      version: rec.version,
      text: rec.text,
      kind: rec.addressee.kind,
      provinceCode: rec.addressee.kind === 'province' ? (rec.addressee.provinceCode ?? '') : '',
      agencyId: rec.addressee.agencyId,
      dueDate: rec.dueDate,
      findingId: rec.findingId,
    });
  }

  return (
    <section className="panel" aria-labelledby="mon-recs">
      {dialog}
      <h2 id="mon-recs">{mt('recs.title')}</h2>
      {error !== null && <ErrorNotice error={error} />}
      {mission.recommendations.length === 0 && <p className="muted">{mt('recs.none')}</p>}
      <div className="mon-rec-list">
        {mission.recommendations.map((rec) => (
          <RecommendationCard
            key={rec.id}
            rec={rec}
            showMission={false}
            onChange={() => onChanged()}
            actions={
              <>
                {rec.allowedActions.includes('edit') && (
                  <button type="button" className="button button-small" onClick={() => edit(rec)}>
                    {mt('common.edit')}
                  </button>
                )}
                {rec.allowedActions.includes('delete') && (
                  <button type="button" className="button button-small" onClick={() => void remove(rec)}>
                    {mt('common.delete')}
                  </button>
                )}
              </>
            }
          />
        ))}
      </div>
      {editable && !draft && (
        <button type="button" className="button button-secondary" onClick={() => setDraft(empty(mission))}>
          {mt('recs.add')}
        </button>
      )}
      {editable && draft && (
        <RecommendationForm
          mission={mission}
          draft={draft}
          onChange={setDraft}
          onDone={() => {
            setDraft(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

const FIELDS = ['text', 'addressee', 'dueDate', 'findingId'];

function RecommendationForm(props: {
  mission: MissionView;
  draft: RecDraft;
  onChange(d: RecDraft | null): void;
  onDone(): void;
}) {
  const { mission, draft, onChange, onDone } = props;
  const mt = useMonitoringT();
  const provinces = useProvinces(2025);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(newIdempotencyKey);
  const set = (patch: Partial<RecDraft>) => onChange({ ...draft, ...patch });
  const visited = new Set(mission.places.map((p) => p.provinceCode));
  const err = (field: string) => fieldError(error, field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      text: draft.text,
      findingId: draft.findingId,
      addressee: draft.kind === 'province' ? { provinceCode: draft.provinceCode } : { agencyId: draft.agencyId ?? 0 },
      dueDate: draft.dueDate,
    };
    try {
      if (draft.id)
        await unwrap(
          api.PUT('/api/recommendations/{id}', {
            params: { path: { id: draft.id } },
            body: { ...body, version: draft.version },
          }),
        );
      else
        await unwrap(
          api.POST('/api/missions/{id}/recommendations', {
            params: { path: { id: mission.id }, header: { 'idempotency-key': key } },
            body,
          }),
        );
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="mon-inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rec-form-title">
      <h3 id="rec-form-title">{draft.id ? mt('recs.editTitle') : mt('recs.addTitle')}</h3>
      {error !== null && !isFieldError(error, FIELDS) && <ErrorNotice error={error} />}
      <div className={err('text') ? 'field has-error' : 'field'}>
        <label htmlFor="rec-text">{mt('recs.text')}</label>
        <textarea id="rec-text" rows={3} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
        {err('text') && <small className="field-error">{err('text')}</small>}
      </div>
      <fieldset className="mon-status-choice">
        <legend>{mt('recs.addresseeKind')}</legend>
        <label className="checkbox-inline">
          <input
            type="radio"
            name="rec-kind"
            checked={draft.kind === 'province'}
            onChange={() => set({ kind: 'province' })}
          />
          {mt('recs.toProvince')}
        </label>
        <label className="checkbox-inline">
          <input
            type="radio"
            name="rec-kind"
            checked={draft.kind === 'agency'}
            onChange={() => set({ kind: 'agency' })}
          />
          {mt('recs.toAgency')}
        </label>
      </fieldset>
      {draft.kind === 'province' ? (
        <div className={err('addressee') ? 'field has-error' : 'field'}>
          <label htmlFor="rec-province">{mt('recs.province')}</label>
          <select id="rec-province" value={draft.provinceCode} onChange={(e) => set({ provinceCode: e.target.value })}>
            <option value="">{mt('form.chooseProvince')}</option>
            {[...(provinces.data ?? [])]
              .sort((a, b) => Number(visited.has(b.code)) - Number(visited.has(a.code)))
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {p.fullName}
                </option>
              ))}
          </select>
          {err('addressee') && <small className="field-error">{err('addressee')}</small>}
        </div>
      ) : (
        <AgencySelect
          id="rec-agency"
          label={mt('recs.agency')}
          value={draft.agencyId}
          onChange={(agencyId) => set({ agencyId })}
          error={err('addressee')}
        />
      )}
      <div className="mon-two">
        <div className={err('dueDate') ? 'field has-error' : 'field'}>
          <label htmlFor="rec-due">{mt('recs.dueDate')}</label>
          <DateField id="rec-due" value={draft.dueDate} required onChange={(dueDate) => set({ dueDate })} />
          {err('dueDate') && <small className="field-error">{err('dueDate')}</small>}
        </div>
        <div className="field">
          <label htmlFor="rec-finding">{mt('recs.finding')}</label>
          <select
            id="rec-finding"
            value={draft.findingId ?? ''}
            onChange={(e) => set({ findingId: Number(e.target.value) || null })}
          >
            <option value="">{mt('recs.noFinding')}</option>
            {mission.findings.map((f, i) => (
              <option key={f.id} value={f.id}>
                {i + 1}. {f.text.length > 60 ? `${f.text.slice(0, 59)}…` : f.text}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mon-row-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? mt('common.saving') : draft.id ? mt('recs.save') : mt('recs.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onChange(null)}>
          {mt('common.cancel')}
        </button>
      </div>
    </form>
  );
}
