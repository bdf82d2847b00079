// Planning a mission, and changing the plan: purpose, lead agency, plan activity, checklist,
// dates, members from each agency, the provinces and communes to visit, and the report's header.
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap, type BodyOf } from '../../api/client';
import { DateField } from '../../components/DateField';
import { describedBy, Field } from '../../components/Field';
import { ErrorNotice, QueryView } from '../../components/Status';
import { fieldError, isFieldError } from '../../lib/field-error';
import { useChecklistTemplates } from '../../lib/reference';
import { useMe } from '../../lib/session';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { AgencySelect } from '../../components/pickers/AgencySelect';
import { MembersEditor, type MemberDraft } from './MembersEditor';
import { PlacesEditor, type PlaceDraft } from './PlacesEditor';
import { PlanActivitySelects } from '../../components/pickers/PlanActivitySelects';
import { missionKey, type MissionView } from './shared';
import { useMonitoringT } from './use-monitoring-t';
import './monitoring.css';

type MissionBody = BodyOf<'/api/missions', 'post'>;

interface Draft {
  title: string;
  purpose: string;
  leadAgencyId: number | null;
  planId: number | null;
  planActivityId: number | null;
  checklistTemplateId: number | null;
  startDate: string;
  endDate: string;
  members: MemberDraft[];
  places: PlaceDraft[];
  reportNumber: string;
  reportPlace: string;
  reportDate: string;
  conclusion: string;
  recipients: string;
}

function fromMission(m: MissionView): Draft {
  return {
    title: m.title,
    purpose: m.purpose,
    leadAgencyId: m.leadAgency.id,
    planId: m.activity?.planId ?? null,
    planActivityId: m.activity?.id ?? null,
    checklistTemplateId: m.checklist?.templateId ?? null,
    startDate: m.startDate,
    endDate: m.endDate,
    members: m.members.map((x) => ({ name: x.name, title: x.title, agencyId: x.agency.id, role: x.role })),
    places: m.places.map((p) => ({
      generation: p.generation as 2024 | 2025,
      code: p.code,
      label: p.label,
      visitDate: p.visitDate ?? '',
    })),
    reportNumber: m.report.number,
    reportPlace: m.report.place,
    reportDate: m.report.date ?? '',
    conclusion: m.report.conclusion,
    recipients: m.report.recipients.join('\n'),
  };
}

function toBody(d: Draft): MissionBody {
  return {
    title: d.title,
    purpose: d.purpose,
    leadAgencyId: d.leadAgencyId ?? 0,
    planActivityId: d.planActivityId,
    checklistTemplateId: d.checklistTemplateId,
    startDate: d.startDate,
    endDate: d.endDate,
    members: d.members.map((m) => ({ name: m.name, title: m.title, agencyId: m.agencyId ?? 0, role: m.role })),
    places: d.places.map((p) => ({ generation: p.generation, code: p.code, visitDate: p.visitDate || null })),
    report: {
      number: d.reportNumber,
      place: d.reportPlace,
      date: d.reportDate || null,
      conclusion: d.conclusion,
      recipients: d.recipients
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean),
    },
  };
}

export function MissionCreatePage() {
  const me = useMe();
  const templates = useChecklistTemplates();
  return (
    <QueryView state={templates}>
      {(list) => (
        <MissionForm
          initial={{
            title: '',
            purpose: '',
            leadAgencyId: me.agency.id,
            planId: null,
            planActivityId: null,
            checklistTemplateId: list.find((t) => t.active)?.id ?? null,
            startDate: '',
            endDate: '',
            members: [
              { name: me.displayName.replace(/\s*\(.*\)$/, ''), title: '', agencyId: me.agency.id, role: 'head' },
            ],
            places: [],
            reportNumber: '',
            reportPlace: 'Hà Nội',
            reportDate: '',
            conclusion: '',
            recipients: '',
          }}
        />
      )}
    </QueryView>
  );
}

export function MissionEditPage() {
  const id = Number(useParams().id);
  const mission = useQuery({
    queryKey: missionKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/missions/{id}', { params: { path: { id } }, signal })),
  });
  // A newer version (saved by someone else) starts the form again from it.
  return (
    <QueryView state={mission}>{(m) => <MissionForm key={m.version} initial={fromMission(m)} mission={m} />}</QueryView>
  );
}

const FIELDS = [
  'title',
  'purpose',
  'leadAgencyId',
  'planActivityId',
  'checklistTemplateId',
  'startDate',
  'endDate',
  'members',
  'places',
];

function MissionForm({ initial, mission }: { initial: Draft; mission?: MissionView }) {
  const mt = useMonitoringT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(newIdempotencyKey);
  const templates = useChecklistTemplates();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => fieldError(error, field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved: MissionView = mission
        ? await unwrap(
            api.PUT('/api/missions/{id}', {
              params: { path: { id: mission.id } },
              body: { ...toBody(draft), version: mission.version },
            }),
          )
        : await unwrap(
            api.POST('/api/missions', { params: { header: { 'idempotency-key': key } }, body: toBody(draft) }),
          );
      queryClient.setQueryData(missionKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['/api/missions'] });
      void navigate(`/missions/${saved.id}`, { state: { notice: mission ? 'saved' : 'created' } });
    } catch (failure) {
      setError(failure);
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  }

  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to={mission ? `/missions/${mission.id}` : '/missions'}>
          ← {mission ? mission.title : mt('missions.backToList')}
        </Link>
      </p>
      <h1>{mission ? mt('form.editTitle') : mt('form.createTitle')}</h1>
      {conflict && (
        <p className="notice notice-warning" role="alert">
          {mt('form.conflict')}
        </p>
      )}
      {error !== null && !conflict && !isFieldError(error, FIELDS) && <ErrorNotice error={error} />}
      <form className="form mon-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="fieldset">
          <legend>{mt('form.general')}</legend>
          <Field id="m-title" label={mt('form.title')} error={err('title')} required hint={mt('form.titleHint')}>
            <input
              id="m-title"
              value={draft.title}
              required
              aria-describedby={describedBy('m-title', err('title'), mt('form.titleHint'))}
              onChange={(e) => set({ title: e.target.value })}
            />
          </Field>
          <Field id="m-purpose" label={mt('form.purpose')} error={err('purpose')}>
            <textarea
              id="m-purpose"
              rows={4}
              value={draft.purpose}
              onChange={(e) => set({ purpose: e.target.value })}
            />
          </Field>
          <AgencySelect
            id="m-lead"
            label={mt('form.lead')}
            value={draft.leadAgencyId}
            onChange={(leadAgencyId) => set({ leadAgencyId })}
            error={err('leadAgencyId')}
            required
          />
          <div className="mon-two">
            <Field id="m-start" label={mt('form.startDate')} error={err('startDate')} required>
              <DateField id="m-start" value={draft.startDate} required onChange={(startDate) => set({ startDate })} />
            </Field>
            <Field id="m-end" label={mt('form.endDate')} error={err('endDate')} required>
              <DateField id="m-end" value={draft.endDate} required onChange={(endDate) => set({ endDate })} />
            </Field>
          </div>
          <div className="mon-two">
            <PlanActivitySelects
              id="m"
              labels={{
                plan: mt('form.plan'),
                noPlan: mt('form.noPlan'),
                activity: mt('form.activity'),
                noActivity: mt('form.noActivity'),
              }}
              planId={draft.planId}
              activityId={draft.planActivityId}
              onChange={set}
              saved={mission?.activity}
              activityError={err('planActivityId')}
            />
          </div>
          <Field
            id="m-template"
            label={mt('form.template')}
            error={err('checklistTemplateId')}
            hint={mt('form.templateHint')}
          >
            <select
              id="m-template"
              value={draft.checklistTemplateId ?? ''}
              onChange={(e) => set({ checklistTemplateId: Number(e.target.value) || null })}
            >
              <option value="">{mt('form.noTemplate')}</option>
              {templates.data
                ?.filter((t) => t.active || t.id === draft.checklistTemplateId)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({mt('form.itemCount', { n: t.items.length })})
                  </option>
                ))}
            </select>
          </Field>
        </fieldset>

        <MembersEditor members={draft.members} onChange={(members) => set({ members })} error={error} />
        <PlacesEditor places={draft.places} onChange={(places) => set({ places })} error={error} />

        <fieldset className="fieldset">
          <legend>{mt('form.report')}</legend>
          <p className="muted mon-small">{mt('form.reportHint')}</p>
          <div className="mon-two">
            <Field id="m-number" label={mt('form.reportNumber')}>
              <input
                id="m-number"
                value={draft.reportNumber}
                placeholder="12/BC-ĐKT"
                onChange={(e) => set({ reportNumber: e.target.value })}
              />
            </Field>
            <Field id="m-rdate" label={mt('form.reportDate')} error={err('report.date')}>
              <DateField id="m-rdate" value={draft.reportDate} onChange={(reportDate) => set({ reportDate })} />
            </Field>
          </div>
          <Field id="m-rplace" label={mt('form.reportPlace')}>
            <input id="m-rplace" value={draft.reportPlace} onChange={(e) => set({ reportPlace: e.target.value })} />
          </Field>
          <Field id="m-conclusion" label={mt('form.conclusion')}>
            <textarea
              id="m-conclusion"
              rows={3}
              value={draft.conclusion}
              onChange={(e) => set({ conclusion: e.target.value })}
            />
          </Field>
          <Field id="m-recipients" label={mt('form.recipients')} hint={mt('form.recipientsHint')}>
            <textarea
              id="m-recipients"
              rows={3}
              value={draft.recipients}
              onChange={(e) => set({ recipients: e.target.value })}
            />
          </Field>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? mt('common.saving') : mission ? mt('form.save') : mt('form.create')}
          </button>
          <Link className="button button-secondary" to={mission ? `/missions/${mission.id}` : '/missions'}>
            {mt('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
