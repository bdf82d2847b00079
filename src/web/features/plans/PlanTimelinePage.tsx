// Tiến độ theo quý: a Gantt of the plan's activities grouped by content area, one column per
// quarter, drawn with a CSS grid (no chart library: a few hundred bytes instead of a library).
// Each activity carries its status, derived from its records and timeframe by the server.
import { useQuery } from '@tanstack/react-query';
import { useMemo, type CSSProperties } from 'react';
import { api, unwrap } from '../../api/client';
import { todayIso } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { EmptyNotice } from '../../components/Status';
import { ACTIVITY_STATUS_LABELS, type ActivityStatus } from '../../../shared/activity-status';
import { STATUS_BADGE } from '../../lib/record-codes';
import { PlanLayout } from './PlanLayout';
import { timeframeText } from './plan-labels';
import type { PlanView, Timeframe } from './plan-types';
import { barFor, quarterSpan, timelineColumns, yearGroups, type QuarterColumn } from './timeline';
import { usePlanT } from './use-plan-t';

export function PlanTimelinePage() {
  return <PlanLayout>{(plan) => <PlanTimeline plan={plan} />}</PlanLayout>;
}

function PlanTimeline({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  const columns = useMemo(
    () =>
      timelineColumns(
        plan.year,
        plan.sections.flatMap((s) => [s.timeframe, ...s.activities.map((a) => a.timeframe)]),
      ),
    [plan],
  );
  const current = quarterSpan({ start: todayIso(), end: todayIso() })?.start;
  const statuses = useQuery({
    queryKey: ['/api/activities', { plan: plan.id, limit: 500 }, plan.version],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/activities', { params: { query: { plan: plan.id, limit: 500 } }, signal })),
    select: (r) => new Map(r.items.map((a) => [a.id, a.status] as const)),
  });
  const hasAny = plan.sections.some((s) => s.timeframe || s.activities.some((a) => a.timeframe));
  if (!hasAny) return <EmptyNotice>{t('timeline.empty')}</EmptyNotice>;

  const style = { '--quarters': columns.length } as CSSProperties;
  return (
    <section className="panel gantt-panel" aria-label={t('plan.tab.timeline')}>
      <p className="panel-intro">
        {t('timeline.intro')} {columns.some((c) => c.ref === current) && t('timeline.now')}
      </p>
      <div className="gantt" style={style} data-testid="gantt">
        <GanttHead columns={columns} current={current} />
        {plan.sections.map((section) => (
          <div
            key={section.key}
            className="gantt-group"
            role="group"
            aria-label={`${section.number}. ${section.title}`}
          >
            <GanttRow
              label={`${section.number}. ${section.title}`}
              timeframe={section.timeframe}
              columns={columns}
              current={current}
              isSection
            />
            {section.activities.map((activity) => (
              <GanttRow
                key={activity.key}
                label={`${activity.number}. ${activity.title}`}
                timeframe={activity.timeframe}
                columns={columns}
                current={current}
                status={activity.id === null ? undefined : statuses.data?.get(activity.id)}
              />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

function GanttHead({ columns, current }: { columns: QuarterColumn[]; current?: string }) {
  const t = usePlanT();
  return (
    <div className="gantt-row gantt-head" aria-hidden="true">
      <div className="gantt-label">{t('timeline.activity')}</div>
      <div className="gantt-track gantt-years">
        {yearGroups(columns).map((g) => (
          <div key={g.year} className="gantt-year" style={{ gridColumn: `span ${g.count}` }}>
            {g.year}
          </div>
        ))}
        {columns.map((c) => (
          <div
            key={c.ref}
            className={c.ref === current ? 'gantt-quarter is-current' : 'gantt-quarter'}
            title={t('timeline.quarter', { quarter: c.roman, year: c.year })}
            data-testid="gantt-quarter"
            data-label={t('timeline.quarter', { quarter: c.roman, year: c.year })}
          >
            {c.roman}
          </div>
        ))}
      </div>
    </div>
  );
}

interface RowProps {
  label: string;
  timeframe: Timeframe | null;
  columns: QuarterColumn[];
  current?: string;
  isSection?: boolean;
  status?: ActivityStatus;
}

function GanttRow({ label, timeframe, columns, current, isSection, status }: RowProps) {
  const t = usePlanT();
  const { lang } = useI18n();
  const bar = barFor(timeframe, columns);
  const text = timeframeText(timeframe);
  if (isSection && !bar) {
    return (
      <div className="gantt-row is-section">
        <div className="gantt-label">
          <span className="gantt-label-text">{label}</span>
        </div>
      </div>
    );
  }
  return (
    <div
      className={isSection ? 'gantt-row is-section' : 'gantt-row'}
      data-testid={isSection ? undefined : 'gantt-activity'}
    >
      <div className="gantt-label" title={label}>
        <span className="gantt-label-text">{label}</span>
        {status && (
          <span className={`${STATUS_BADGE[status]} gantt-status`} data-testid="gantt-status">
            {ACTIVITY_STATUS_LABELS[status][lang]}
          </span>
        )}
      </div>
      <div className="gantt-track">
        {columns.map((c, i) => (
          <span
            key={c.ref}
            className={c.ref === current ? 'gantt-cell is-current' : 'gantt-cell'}
            style={{ gridColumn: i + 1 }}
            aria-hidden="true"
          />
        ))}
        {bar ? (
          <span
            className="gantt-bar"
            role="img"
            aria-label={text}
            title={text}
            style={{ gridColumn: `${bar.from + 1} / ${bar.to + 2}` }}
          >
            <span className="gantt-bar-text">{text}</span>
          </span>
        ) : (
          <span className="gantt-none" style={{ gridColumn: `1 / -1` }}>
            {t('timeline.noTimeframe')}
          </span>
        )}
      </div>
    </div>
  );
}
