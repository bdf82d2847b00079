// One workflow step in a dialog: what it does, the input it needs (a comment, a number and
// date, a year, a province), the call with the plan's version, and what follows.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/format';
import { Field, describedBy } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { describeError, ErrorNotice } from '../../components/Status';
import { fieldError } from '../../lib/field-error';
import { useMe } from '../../lib/session';
import { Dialog } from '../../components/Dialog';
import type { PlanPageContext } from './PlanLayout';
import type { PlanView } from './plan-types';
import { usePlanT, type PlanTranslate } from './use-plan-t';
import type { PlanMessageKey } from './messages.vi';

export type DialogAction = 'submit' | 'sign' | 'return' | 'issue' | 'close' | 'revise' | 'roll_forward' | 'cascade';

interface Inputs {
  comment: string;
  signer: string;
  position: string;
  authority: string;
  number: string;
  issuedOn: string;
  year: string;
  provinceCode: string;
}

function call(action: DialogAction, plan: PlanView, input: Inputs): Promise<PlanView> {
  const params = { path: { id: plan.id } };
  const version = plan.version;
  switch (action) {
    case 'submit':
      return unwrap(api.POST('/api/plans/{id}/submit', { params, body: { version } }));
    case 'sign':
      return unwrap(
        api.POST('/api/plans/{id}/sign', {
          params,
          body: {
            version,
            signer: input.signer.trim(),
            position: input.position.trim(),
            authority: input.authority.trim(),
          },
        }),
      );
    case 'close':
      return unwrap(api.POST('/api/plans/{id}/close', { params, body: { version } }));
    case 'return':
      return unwrap(api.POST('/api/plans/{id}/return', { params, body: { version, comment: input.comment.trim() } }));
    case 'revise':
      return unwrap(api.POST('/api/plans/{id}/revise', { params, body: { version, comment: input.comment.trim() } }));
    case 'issue':
      return unwrap(
        api.POST('/api/plans/{id}/issue', {
          params,
          // No number typed: the lead agency's register gives the next one.
          body: { version, ...(input.number.trim() ? { number: input.number.trim() } : {}), issuedOn: input.issuedOn },
        }),
      );
    case 'roll_forward':
      return unwrap(api.POST('/api/plans/{id}/roll-forward', { params, body: { year: Number(input.year) } }));
    case 'cascade':
      return unwrap(api.POST('/api/plans/{id}/cascade', { params, body: { provinceCode: input.provinceCode } }));
  }
}

/** Client-side checks, so an obviously incomplete form never reaches the server. */
function check(action: DialogAction, plan: PlanView, input: Inputs): Partial<Record<keyof Inputs, PlanMessageKey>> {
  if ((action === 'return' || action === 'revise') && !input.comment.trim())
    return { comment: action === 'return' ? 'actions.return.required' : 'actions.revise.required' };
  if (action === 'sign' && !input.signer.trim()) return { signer: 'actions.sign.signer.required' };
  if (action === 'issue') {
    if (input.number.trim() && input.number.trim().length < 3) return { number: 'actions.issue.number.required' };
    if (!input.issuedOn) return { issuedOn: 'actions.issue.date.required' };
  }
  if (action === 'roll_forward' && !(Number(input.year) > plan.year)) return { year: 'actions.rollForward.invalid' };
  return {};
}

const TITLES: Record<DialogAction, PlanMessageKey> = {
  submit: 'action.submit',
  sign: 'action.sign',
  return: 'action.return',
  issue: 'action.issue',
  close: 'action.close',
  revise: 'action.revise',
  roll_forward: 'action.rollForward',
  cascade: 'action.cascade',
};

function doneText(t: PlanTranslate, action: DialogAction, next: PlanView): string {
  switch (action) {
    case 'roll_forward':
      return t('actions.done.rollForward', { year: next.year });
    case 'cascade':
      return t('actions.done.cascade');
    default:
      return t(`actions.done.${action}` as PlanMessageKey);
  }
}

interface Props {
  action: DialogAction;
  plan: PlanView;
  ctx: PlanPageContext;
  agency: string;
  onClose(): void;
}

export function PlanActionDialog({ action, plan, ctx, agency, onClose }: Props) {
  const t = usePlanT();
  const { t: tApp, lang } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  // The sign dialog starts from the user's name and the agency's signature block, to confirm or edit.
  const block = plan.signatures.find((s) => s.agency?.id === me.agency.id);
  const [input, setInput] = useState<Inputs>({
    comment: '',
    signer: me.displayName,
    position: block?.position ?? '',
    authority: block?.authority ?? '',
    number: '',
    issuedOn: plan.issuedOn ?? todayIso(),
    year: String(plan.year + 1),
    provinceCode: me.provinces[0]?.code ?? '',
  });
  const [checked, setChecked] = useState<Partial<Record<keyof Inputs, PlanMessageKey>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Inputs>) => setInput((current) => ({ ...current, ...patch }));
  const nextNumber = useQuery({
    queryKey: ['/api/plans/{id}/next-number', plan.id, input.issuedOn],
    queryFn: () =>
      unwrap(
        api.GET('/api/plans/{id}/next-number', {
          params: { path: { id: plan.id }, query: { issuedOn: input.issuedOn } },
        }),
      ),
    enabled: action === 'issue' && /^\d{4}-\d{2}-\d{2}$/.test(input.issuedOn),
  });
  const rollYear = Number(input.year);
  const renames = useQuery({
    queryKey: ['/api/plans/{id}/roll-forward', plan.id, rollYear],
    queryFn: () =>
      unwrap(api.GET('/api/plans/{id}/roll-forward', { params: { path: { id: plan.id }, query: { year: rollYear } } })),
    enabled: action === 'roll_forward' && Number.isInteger(rollYear) && rollYear > plan.year && rollYear <= 2100,
  });

  async function submit() {
    const problems = check(action, plan, input);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call(action, plan, input);
      const text = doneText(t, action, next);
      onClose();
      if (next.id !== plan.id) void navigate(`/plans/${next.id}`, { state: { notice: text } });
      else ctx.update(next, text);
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 409) {
        onClose();
        // A step on this plan refused now means the plan changed since the page showed its buttons.
        const message = describeError(failure, tApp, lang);
        const derived = action === 'cascade' || action === 'roll_forward';
        ctx.stale(derived ? message : `${message.replace(/\.?$/, '.')} ${t('actions.stale')}`);
      } else setError(failure);
    }
  }

  const errorOf = (field: keyof Inputs) =>
    checked[field] ? t(checked[field], { year: plan.year }) : fieldError(error, field);
  const shownAtField = [
    'comment',
    'signer',
    'position',
    'authority',
    'number',
    'issuedOn',
    'year',
    'provinceCode',
  ].some((f) => fieldError(error, f));

  return (
    <Dialog
      title={t(TITLES[action], { agency })}
      submitLabel={busy ? t('action.working') : t(TITLES[action], { agency })}
      busy={busy}
      danger={action === 'return'}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {error !== null && !shownAtField && <ErrorNotice error={error} />}
      {action === 'submit' && <p>{t('actions.submit.confirm')}</p>}
      {action === 'sign' && (
        <>
          <p>{t('actions.sign.confirm', { agency })}</p>
          <TextInput
            id="sign-signer"
            label={t('actions.sign.signer')}
            value={input.signer}
            error={errorOf('signer')}
            required
            onChange={(signer) => set({ signer })}
          />
          <TextInput
            id="sign-position"
            label={t('actions.sign.position')}
            hint={t('actions.sign.position.hint')}
            value={input.position}
            error={errorOf('position')}
            onChange={(position) => set({ position })}
          />
          <TextInput
            id="sign-authority"
            label={t('actions.sign.authority')}
            hint={t('actions.sign.authority.hint')}
            value={input.authority}
            error={errorOf('authority')}
            onChange={(authority) => set({ authority })}
          />
        </>
      )}
      {action === 'close' && <p>{t('actions.close.confirm')}</p>}
      {(action === 'return' || action === 'revise') && (
        <CommentField
          action={action}
          value={input.comment}
          error={errorOf('comment')}
          onChange={(comment) => set({ comment })}
        />
      )}
      {action === 'issue' && (
        <>
          <p role="status">
            {input.number.trim()
              ? t('actions.issue.typed', { number: input.number.trim() })
              : nextNumber.data
                ? t('actions.issue.next', { number: nextNumber.data.number })
                : t('actions.issue.next.loading')}
          </p>
          <Field
            id="issue-number"
            label={t('actions.issue.number')}
            hint={t('actions.issue.number.hint')}
            error={errorOf('number')}
          >
            <input
              id="issue-number"
              value={input.number}
              autoComplete="off"
              aria-invalid={errorOf('number') ? true : undefined}
              aria-describedby={describedBy('issue-number', errorOf('number'), t('actions.issue.number.hint'))}
              onChange={(event) => set({ number: event.target.value })}
            />
          </Field>
          <Field id="issue-date" label={t('actions.issue.date')} error={errorOf('issuedOn')} required>
            <DateField
              id="issue-date"
              value={input.issuedOn}
              required
              describedBy={describedBy('issue-date', errorOf('issuedOn'))}
              onChange={(issuedOn) => set({ issuedOn })}
            />
          </Field>
        </>
      )}
      {action === 'roll_forward' && (
        <Field
          id="roll-year"
          label={t('actions.rollForward.year')}
          hint={t('actions.rollForward.hint')}
          error={errorOf('year')}
          required
        >
          <input
            id="roll-year"
            type="number"
            inputMode="numeric"
            min={plan.year + 1}
            max={2100}
            value={input.year}
            onChange={(event) => set({ year: event.target.value })}
          />
        </Field>
      )}
      {action === 'roll_forward' && renames.isFetching && (
        <p role="status">{t('actions.rollForward.renames.loading')}</p>
      )}
      {action === 'roll_forward' && renames.data && !renames.isFetching && (
        <div role="status">
          {renames.data.changes.length === 0 ? (
            <p>{t('actions.rollForward.renames.none')}</p>
          ) : (
            <>
              <p>{t('actions.rollForward.renames')}</p>
              <ul>
                {renames.data.changes.map((c) => (
                  <li key={`${c.from}→${c.to}`}>
                    “{c.from}” → “{c.to}” ({t('actions.rollForward.renames.count', { count: c.count })})
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {action === 'cascade' && (
        <>
          <p>{t('actions.cascade.hint')}</p>
          {me.provinces.length > 1 && (
            <Field id="cascade-province" label={t('actions.cascade.province')} error={errorOf('provinceCode')} required>
              <select
                id="cascade-province"
                value={input.provinceCode}
                onChange={(event) => set({ provinceCode: event.target.value })}
              >
                {me.provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </>
      )}
    </Dialog>
  );
}

function CommentField(props: {
  action: 'return' | 'revise';
  value: string;
  error?: string;
  onChange(v: string): void;
}) {
  const t = usePlanT();
  const label = props.action === 'return' ? t('actions.return.comment') : t('actions.revise.reason');
  const hint = props.action === 'return' ? t('actions.return.hint') : t('actions.revise.hint');
  return (
    <Field id="action-comment" label={label} hint={hint} error={props.error} required>
      <textarea
        id="action-comment"
        rows={4}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy('action-comment', props.error, hint)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

function TextInput(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  required?: boolean;
  onChange(v: string): void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <input
        id={props.id}
        value={props.value}
        maxLength={200}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.id, props.error, props.hint)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}
