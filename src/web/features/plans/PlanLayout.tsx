// The frame of every plan page: loads the plan, shows its heading, status and the tabs
// (document, quarterly timeline, versions, provinces), and the outcome of the last action.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import { QueryView } from '../../components/Status';
import { StatusBadge } from './PlanBits';
import { planQuery, type PlanView } from './plan-types';
import { usePlanT } from './use-plan-t';
import { useProvinces } from '../../lib/reference';
import { unitInSentence } from '../../../shared/text';
import './plans.css';

export type Notice = { kind: 'success' | 'warning'; text: string } | null;

export interface PlanPageContext {
  /** Shows the plan returned by an action, with what happened. */
  update(plan: PlanView, text: string): void;
  /** The plan changed under the user: show the server's words and load the latest. */
  stale(text: string): void;
  reload(): void;
}

/** What a page that navigates to a plan can pass along (a notice, an import's leftovers). */
export interface PlanLocationState {
  notice?: string;
  imported?: { unparsed: { line: number; text: string }[]; warnings: { field: string; message: string }[] };
}

export function usePlanId(): number {
  return Number(useParams().id);
}

export function PlanLayout({ children }: { children: (plan: PlanView, ctx: PlanPageContext) => ReactNode }) {
  const t = usePlanT();
  const id = usePlanId();
  const location = useLocation();
  const arrived = (location.state as PlanLocationState | null)?.notice;
  const [notice, setNotice] = useState<Notice>(arrived ? { kind: 'success', text: arrived } : null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const queryClient = useQueryClient();
  // Keyed by id: never another plan's data under this address (after a roll-forward the page stays mounted).
  const plan = useQuery(planQuery(id));

  // A new plan (roll-forward, cascade) opens in this same page: its own notice replaces the old one.
  useEffect(() => {
    setNotice(arrived ? { kind: 'success', text: arrived } : null);
  }, [id, arrived]);
  // Braces matter: Chromium's scrollIntoView now returns a promise, and an effect may return only a cleanup.
  useEffect(() => {
    noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [notice]);

  const ctx: PlanPageContext = {
    update(next, text) {
      queryClient.setQueryData(planQuery(next.id).queryKey, next);
      setNotice({ kind: 'success', text });
    },
    stale(text) {
      setNotice({ kind: 'warning', text });
      void plan.refetch();
    },
    reload: () => void plan.refetch(),
  };

  return (
    <div className="page plan-page">
      <p className="back-link">
        <Link to="/plans">← {t('plans.backToList')}</Link>
      </p>
      <QueryView state={plan}>
        {(data) => (
          <>
            <PlanHeading plan={data} />
            {notice && (
              <p
                ref={noticeRef}
                className={notice.kind === 'success' ? 'notice notice-success' : 'notice notice-warning'}
                role={notice.kind === 'success' ? 'status' : 'alert'}
              >
                {notice.text}
              </p>
            )}
            <PlanTabs plan={data} />
            {children(data, ctx)}
          </>
        )}
      </QueryView>
    </div>
  );
}

function PlanHeading({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  const provinces = useProvinces(2025);
  const province = plan.provinceName ?? plan.provinceCode ?? '';
  const fullName = provinces.data?.find((p) => p.code === plan.provinceCode)?.fullName;
  const kindYear =
    plan.kind === 'central'
      ? t('plan.kindYear.central', { year: plan.year })
      : t('plan.kindYear.provincial', {
          year: plan.year,
          province,
          unit: fullName ? unitInSentence(fullName) : province,
        });
  return (
    <header className="plan-heading">
      <p className="plan-kicker">
        <span>{kindYear}</span>
        {plan.number && <span className="code">{plan.number}</span>}
        <span>{t('plan.version', { version: plan.version })}</span>
      </p>
      <h1>{plan.title}</h1>
      <p className="plan-status-line">
        <StatusBadge status={plan.status} />
        {plan.parentPlanId && (
          <Link to={`/plans/${plan.parentPlanId}`} className="plan-relation">
            {t('plan.parent')}
          </Link>
        )}
        {plan.previousPlanId && (
          <Link to={`/plans/${plan.previousPlanId}`} className="plan-relation">
            {t('plan.previous')}
          </Link>
        )}
      </p>
    </header>
  );
}

function PlanTabs({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  const base = `/plans/${plan.id}`;
  const tabs = [
    { to: base, label: t('plan.tab.document'), end: true },
    { to: `${base}/timeline`, label: t('plan.tab.timeline') },
    { to: `${base}/versions`, label: t('plan.tab.versions') },
    ...(plan.kind === 'central' ? [{ to: `${base}/provinces`, label: t('plan.tab.provinces') }] : []),
  ];
  return (
    <nav className="plan-tabs" aria-label={t('plan.tabs')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
