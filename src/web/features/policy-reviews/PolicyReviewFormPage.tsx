// Registering a document received for comment, and correcting its entry: what it is, who asked,
// when it came and by when to answer, the plan activity it belongs to and who handles it.
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { ErrorNotice, QueryView } from '../../components/Status';
import { fieldError, isFieldError } from '../../lib/field-error';
import { useMe } from '../../lib/session';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { AgencySelect } from '../../components/pickers/AgencySelect';
import { PlanActivitySelects } from '../../components/pickers/PlanActivitySelects';
import { shorten } from '../../lib/plans';
import { KINDS, REVIEW_TYPES, reviewKey, useReviewsT, type ReviewView } from './shared';
import '../../styles/monitoring.css';

interface Draft {
  title: string;
  kind: (typeof KINDS)[number];
  reviewType: (typeof REVIEW_TYPES)[number];
  requestingAgency: string;
  requestNumber: string;
  receivedOn: string;
  deadline: string;
  planId: number | null;
  planActivityId: number | null;
  agencyId: number | null;
  assigneeUserId: number | null;
}

export function PolicyReviewCreatePage() {
  const me = useMe();
  return (
    <ReviewForm
      initial={{
        title: '',
        kind: 'law',
        reviewType: 'comment',
        requestingAgency: '',
        requestNumber: '',
        receivedOn: '',
        deadline: '',
        planId: null,
        planActivityId: null,
        agencyId: me.agency.id,
        assigneeUserId: null,
      }}
    />
  );
}

export function PolicyReviewEditPage() {
  const id = Number(useParams().id);
  const review = useQuery({
    queryKey: reviewKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/policy-reviews/{id}', { params: { path: { id } }, signal })),
  });
  return (
    <QueryView state={review}>
      {(r) => (
        <ReviewForm
          // A newer version (saved by someone else) starts the form again from it.
          key={r.version}
          review={r}
          initial={{
            title: r.title,
            kind: r.kind,
            reviewType: r.reviewType,
            requestingAgency: r.requestingAgency,
            requestNumber: r.requestNumber,
            receivedOn: r.receivedOn,
            deadline: r.deadline,
            planId: r.activity.planId,
            planActivityId: r.activity.id,
            agencyId: r.agency.id,
            assigneeUserId: r.assignee?.id ?? null,
          }}
        />
      )}
    </QueryView>
  );
}

const FIELDS = [
  'title',
  'kind',
  'reviewType',
  'requestingAgency',
  'requestNumber',
  'receivedOn',
  'deadline',
  'planActivityId',
  'agencyId',
  'assigneeUserId',
];

function ReviewForm({ initial, review }: { initial: Draft; review?: ReviewView }) {
  const rt = useReviewsT();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(newIdempotencyKey);
  const queryClient = useQueryClient();
  const assigneesQuery = { agency: draft.agencyId ?? 0 };
  const assignees = useQuery({
    queryKey: ['/api/policy-reviews/assignees', assigneesQuery],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/policy-reviews/assignees', { params: { query: assigneesQuery }, signal })),
    enabled: draft.agencyId !== null,
  });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (f: string) => fieldError(error, f);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      title: draft.title,
      kind: draft.kind,
      reviewType: draft.reviewType,
      requestingAgency: draft.requestingAgency,
      requestNumber: draft.requestNumber,
      receivedOn: draft.receivedOn,
      deadline: draft.deadline,
      planActivityId: draft.planActivityId ?? 0,
      agencyId: draft.agencyId ?? undefined,
      assigneeUserId: draft.assigneeUserId,
    };
    try {
      const saved: ReviewView = review
        ? await unwrap(
            api.PUT('/api/policy-reviews/{id}', {
              params: { path: { id: review.id } },
              body: { ...body, version: review.version },
            }),
          )
        : await unwrap(api.POST('/api/policy-reviews', { params: { header: { 'idempotency-key': key } }, body }));
      queryClient.setQueryData(reviewKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['/api/policy-reviews'] });
      void navigate(`/policy-reviews/${saved.id}`, { state: { notice: review ? 'saved' : 'created' } });
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
        <Link to={review ? `/policy-reviews/${review.id}` : '/policy-reviews'}>
          ← {review ? shorten(review.title, 60) : rt('register.backToList')}
        </Link>
      </p>
      <h1>{review ? rt('form.editTitle') : rt('form.createTitle')}</h1>
      {error !== null && (conflict || !isFieldError(error, FIELDS)) && <ErrorNotice error={error} />}
      <form className="form mon-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="fieldset">
          <legend>{rt('form.document')}</legend>
          <Field id="r-title" label={rt('form.title')} error={err('title')} required>
            <textarea id="r-title" rows={2} value={draft.title} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <div className="mon-two">
            <Field id="r-kind" label={rt('form.kind')} error={err('kind')}>
              <select id="r-kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as Draft['kind'] })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {rt(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="r-type" label={rt('form.reviewType')} error={err('reviewType')}>
              <select
                id="r-type"
                value={draft.reviewType}
                onChange={(e) => set({ reviewType: e.target.value as Draft['reviewType'] })}
              >
                {REVIEW_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {rt(`type.${t}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="mon-two">
            <Field id="r-from" label={rt('form.requestingAgency')} error={err('requestingAgency')} required>
              <input
                id="r-from"
                value={draft.requestingAgency}
                placeholder={rt('form.requestingPlaceholder')}
                onChange={(e) => set({ requestingAgency: e.target.value })}
              />
            </Field>
            <Field id="r-number" label={rt('form.requestNumber')} error={err('requestNumber')}>
              <input
                id="r-number"
                value={draft.requestNumber}
                onChange={(e) => set({ requestNumber: e.target.value })}
              />
            </Field>
          </div>
          <div className="mon-two">
            <Field id="r-received" label={rt('form.receivedOn')} error={err('receivedOn')} required>
              <DateField
                id="r-received"
                value={draft.receivedOn}
                required
                onChange={(receivedOn) => set({ receivedOn })}
              />
            </Field>
            <Field id="r-deadline" label={rt('form.deadline')} error={err('deadline')} required>
              <DateField id="r-deadline" value={draft.deadline} required onChange={(deadline) => set({ deadline })} />
            </Field>
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{rt('form.handling')}</legend>
          <div className="mon-two">
            <PlanActivitySelects
              id="r"
              labels={{
                plan: rt('form.plan'),
                noPlan: rt('form.choosePlan'),
                activity: rt('form.activity'),
                noActivity: rt('form.chooseActivity'),
              }}
              planId={draft.planId}
              activityId={draft.planActivityId}
              onChange={set}
              saved={review?.activity}
              activityError={err('planActivityId')}
              activityRequired
            />
          </div>
          <AgencySelect
            id="r-agency"
            label={rt('form.agency')}
            value={draft.agencyId}
            onChange={(agencyId) => set({ agencyId, assigneeUserId: null })}
            error={err('agencyId')}
          />
          <Field id="r-assignee" label={rt('form.assignee')} error={err('assigneeUserId')}>
            <select
              id="r-assignee"
              value={draft.assigneeUserId ?? ''}
              onChange={(e) => set({ assigneeUserId: Number(e.target.value) || null })}
            >
              <option value="">{rt('form.noAssignee')}</option>
              {assignees.data?.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? rt('common.saving') : review ? rt('form.save') : rt('form.create')}
          </button>
          <Link className="button button-secondary" to={review ? `/policy-reviews/${review.id}` : '/policy-reviews'}>
            {rt('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
