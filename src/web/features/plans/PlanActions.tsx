// The workflow buttons, exactly those the server lists in allowedActions, and the downloads.
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../lib/session';
import { PlanActionDialog, type DialogAction } from './PlanActionDialog';
import type { PlanPageContext } from './PlanLayout';
import { can, type PlanView } from './plan-types';
import { usePlanT } from './use-plan-t';
import type { PlanMessageKey } from './messages.vi';
import { SendToProvincesButton } from './cascade/CascadeOverviewPanel';

const DIALOG_ACTIONS: { action: DialogAction; label: PlanMessageKey; primary?: boolean; danger?: boolean }[] = [
  { action: 'submit', label: 'action.submit', primary: true },
  { action: 'sign', label: 'action.sign', primary: true },
  { action: 'issue', label: 'action.issue', primary: true },
  { action: 'return', label: 'action.return', danger: true },
  { action: 'revise', label: 'action.revise' },
  { action: 'roll_forward', label: 'action.rollForward' },
  { action: 'cascade', label: 'action.cascade', primary: true },
  { action: 'close', label: 'action.close' },
];

/** The name the user signs for: their agency as the plan names it (its date), else as named today. */
export function signingAgencyName(plan: PlanView, me: ReturnType<typeof useMe>): string {
  return plan.issuers.find((i) => i.id === me.agency.id)?.shortName ?? me.agency.shortName ?? me.agency.name;
}

export function PlanActions({ plan, ctx }: { plan: PlanView; ctx: PlanPageContext }) {
  const t = usePlanT();
  const me = useMe();
  const [open, setOpen] = useState<DialogAction | null>(null);
  const actions = DIALOG_ACTIONS.filter(({ action }) => can(plan, action));
  const agency = signingAgencyName(plan, me);

  return (
    <section className="panel plan-actions" aria-label={t('actions.title')}>
      <div className="button-row">
        {can(plan, 'edit') && (
          <Link className="button button-primary" to={`/plans/${plan.id}/edit`}>
            {t('action.edit')}
          </Link>
        )}
        {actions.map(({ action, label, primary, danger }) => (
          <button
            key={action}
            type="button"
            className={primary ? 'button button-primary' : danger ? 'button button-danger' : 'button button-secondary'}
            onClick={() => setOpen(action)}
          >
            {t(label, { agency })}
          </button>
        ))}
        <SendToProvincesButton plan={plan} ctx={ctx} />
      </div>
      {plan.allowedActions.length === 0 && <p className="muted small">{t('actions.none')}</p>}
      <div className="button-row downloads">
        <a className="button button-small" href={`/api/plans/${plan.id}/export.docx`} download>
          {t('plan.download.docx')}
        </a>
        <a className="button button-small" href={`/api/plans/${plan.id}/export.xlsx`} download>
          {t('plan.download.xlsx')}
        </a>
      </div>
      {open && <PlanActionDialog action={open} plan={plan} ctx={ctx} agency={agency} onClose={() => setOpen(null)} />}
    </section>
  );
}
